namespace Sourcing.Analyzer.Planning;

/// <summary>
/// Sums over every moved system that shares wave, contract, method and service level. The yearly
/// loop only sees these, so a forecast for 20,000 systems costs as much as one for a few dozen
/// groups; everything here is independent of the parameters, which are applied in the loop.
/// </summary>
internal sealed class MoveAggregate
{
    public required int YearIndex { get; init; }
    public required double FirstYearFraction { get; init; }
    /// <summary>Index into <see cref="CompiledPlan.Contracts"/>; -1 for retire (no contract).</summary>
    public required int Contract { get; init; }
    public required Destination Destination { get; init; }
    public required TransitionMethod Method { get; init; }
    public required bool TwentyFourSeven { get; init; }
    public double Systems { get; set; }
    /// <summary>Drift hours of systems whose effort the effort model gave.</summary>
    public double KnownHours { get; set; }
    /// <summary>Servers of systems without an effort figure: hours come from the staffing ratios.</summary>
    public double UnknownVms { get; set; }
    public double UnknownPhysical { get; set; }
    public double Servers { get; set; }
    public double SaasKnown { get; set; }
    public double SaasUnknownCount { get; set; }
    /// <summary>Count per entry of <see cref="CompiledPlan.Shapes"/>.</summary>
    public Dictionary<int, int> ShapeCounts { get; } = [];
}
