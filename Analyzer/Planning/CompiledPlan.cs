namespace Sourcing.Analyzer.Planning;

/// <summary>
/// A scenario resolved against the systems: who moves where and when, the gate's refusals, and
/// the per-group sums the forecast loop runs on. Compile once; forecast many times with
/// different assumptions (pages, sensitivity) without touching the systems again.
/// </summary>
public sealed class CompiledPlan
{
    internal CompiledPlan(
        Scenario scenario,
        Estate estate,
        CloudPriceTable prices,
        IReadOnlyList<PlannedMove> moves,
        IReadOnlyList<PlanIssue> issues,
        IReadOnlyList<PlanContract> contracts,
        IReadOnlyList<VmShape> shapes,
        IReadOnlyList<MoveAggregate> aggregates,
        IReadOnlyList<PlatformCluster> clusters,
        MoveAggregate today,
        int systemCount,
        double totalKnownHours,
        double totalUnknownVms,
        double totalUnknownPhysical)
    {
        Scenario = scenario;
        Estate = estate;
        Prices = prices;
        Clusters = clusters;
        Today = today;
        Moves = moves;
        Issues = issues;
        Contracts = contracts;
        Shapes = shapes;
        Aggregates = aggregates;
        SystemCount = systemCount;
        TotalKnownHours = totalKnownHours;
        TotalUnknownVms = totalUnknownVms;
        TotalUnknownPhysical = totalUnknownPhysical;
        // Moves are already in wave order, so grouping keeps that order.
        Waves = [.. moves
            .GroupBy(m => (m.Wave, m.Destination))
            .Select(g => new ForecastWave(g.Key.Wave, g.Key.Destination, [.. g.Select(m => m.SystemId)], [.. g.Select(m => m.SystemName)]))];
    }

    public Scenario Scenario { get; }
    public Estate Estate { get; }
    /// <summary>The in-house platform today, cluster by cluster.</summary>
    public IReadOnlyList<PlatformCluster> Clusters { get; }
    public CloudPriceTable Prices { get; }
    /// <summary>Ordered by wave, then system id.</summary>
    public IReadOnlyList<PlannedMove> Moves { get; }
    public IReadOnlyList<PlanIssue> Issues { get; }
    public IReadOnlyList<PlanContract> Contracts { get; }
    public IReadOnlyList<ForecastWave> Waves { get; }
    public int SystemCount { get; }
    public bool HasErrors => Issues.Any(i => i.Kind == PlanIssueKind.Error);

    internal IReadOnlyList<VmShape> Shapes { get; }
    internal IReadOnlyList<MoveAggregate> Aggregates { get; }
    /// <summary>The cost drivers of the whole in-house estate today (what the baseline pays for).</summary>
    internal MoveAggregate Today { get; }
    internal double TotalKnownHours { get; }
    internal double TotalUnknownVms { get; }
    internal double TotalUnknownPhysical { get; }
}
