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
    /// <summary>Count per entry of <see cref="CompiledPlan.Shapes"/>: running servers only (a powered-off server pays disks, not compute).</summary>
    public Dictionary<int, int> ShapeCounts { get; } = [];

    /// <summary>The wave's quarter, 1–4.</summary>
    public int StartQuarter => (int)Math.Round(5 - 4 * FirstYearFraction);

    /// <summary>Year index from which step pools (hosts) see the move: the 1 January on or after the wave.</summary>
    public int StepYearIndex => FirstYearFraction >= 1 ? YearIndex : YearIndex + 1;

    // Cost pool drivers of the servers that leave the in-house platform (servers already in a cloud excluded).
    public double WindowsCores { get; set; }
    public double WindowsVms { get; set; }
    public double RhelVms { get; set; }
    public double InHouseServers { get; set; }
    public double InHouseTib { get; set; }
    public double Licences { get; set; }
    /// <summary>vCPU leaving each cluster (index into <see cref="CompiledPlan.Clusters"/>).</summary>
    public Dictionary<int, double> ClusterVcpu { get; } = [];
    public Dictionary<int, double> ClusterTib { get; } = [];

    // Cloud extras: disks of every moved server, backup of every server, monitoring of running ones.
    public double CloudDiskGib { get; set; }
    public double CloudServers { get; set; }
    public double CloudRunningServers { get; set; }
}
