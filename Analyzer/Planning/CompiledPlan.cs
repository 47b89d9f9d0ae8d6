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

    /// <summary>Running servers moving to public cloud that are priced by their measured use (enough days of samples).</summary>
    public int RightSizedServers { get; init; }
    /// <summary>Running servers moving to public cloud with too few days of samples: priced by their configured size.</summary>
    public int ConfiguredSizeServers { get; init; }

    internal IReadOnlyList<VmShape> Shapes { get; }

    private ShapePrices? _shapePrices;

    /// <summary>
    /// The list price per month of every shape at this headroom and Hybrid Benefit choice. Kept for
    /// the last pair asked, so that the simulation's and sensitivity's runs, which mostly keep both,
    /// do not price tens of thousands of right-sized shapes again on every run.
    /// </summary>
    internal double[] ListPrices(double headroom, bool hybridBenefit)
    {
        var cached = _shapePrices;
        if (cached is not null && cached.Headroom == headroom && cached.HybridBenefit == hybridBenefit)
        {
            return cached.Prices;
        }

        var prices = new double[Shapes.Count];
        for (var i = 0; i < prices.Length; i++)
        {
            var shape = Shapes[i];
            var sized = shape.Measured ? RightSizing.Size(shape, headroom) : shape;
            // With Hybrid Benefit the region brings its Windows licence: the cloud server is priced as Linux.
            prices[i] = Prices.MonthlyPrice(hybridBenefit && sized.Windows ? sized with { Windows = false } : sized);
        }

        _shapePrices = new ShapePrices(headroom, hybridBenefit, prices);
        return prices;
    }

    private sealed record ShapePrices(double Headroom, bool HybridBenefit, double[] Prices);
    internal IReadOnlyList<MoveAggregate> Aggregates { get; }
    /// <summary>The cost drivers of the whole in-house estate today (what the baseline pays for).</summary>
    internal MoveAggregate Today { get; }
    internal double TotalKnownHours { get; }
    internal double TotalUnknownVms { get; }
    internal double TotalUnknownPhysical { get; }
}
