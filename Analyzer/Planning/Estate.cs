namespace Sourcing.Analyzer.Planning;

/// <summary>
/// Everything the forecast reads about the region besides the scenario: the systems with their
/// servers, the in-house hosts, today's staff and what the region says its IT operation costs.
/// The database and the estate file (<c>sourcing-estate/1</c>) both give one; a forecast from the
/// same estate and scenario gives the same figures wherever it runs.
/// </summary>
public sealed record Estate
{
    public IReadOnlyList<PlanningSystem> Systems { get; init; } = [];
    public IReadOnlyList<PlanningHost> Hosts { get; init; } = [];
    /// <summary>FTE in drift today as the region states it; null derives it from the systems' effort. A scenario's own figure wins.</summary>
    public double? DriftFte { get; init; }
    /// <summary>FTE in development roles today; used where the scenario gives none.</summary>
    public double? DevelopmentFte { get; init; }
    /// <summary>
    /// What the region's books say each cost pool costs per year (SEK), by pool key
    /// (<see cref="CostPools"/>), or one figure under "total" for every pool but drift staff.
    /// Pools left out keep the model's own estimate.
    /// </summary>
    public IReadOnlyDictionary<string, double> CostPools { get; init; } = new Dictionary<string, double>();

    public static Estate Of(IEnumerable<PlanningSystem> systems) => new() { Systems = [.. systems] };
}
