using Sourcing.Analyzer.Workloads;

namespace Sourcing.Analyzer.Planning;

/// <summary>
/// One system as the forecast sees it: what the assessment recommends and allows, and the
/// numbers that drive effort and price. Built from the workload and assessment tables.
/// </summary>
public sealed record PlanningSystem
{
    public required long Id { get; init; }
    public required string Name { get; init; }
    /// <summary>The owning förvaltning.</summary>
    public string? Department { get; init; }
    /// <summary>"Windows", "Linux", ... as the workload reports it.</summary>
    public string? OsFamily { get; init; }
    /// <summary>KLASSA konfidentialitet 0–4; null when not classified.</summary>
    public int? Confidentiality { get; init; }
    public Destination? Recommended { get; init; }
    /// <summary>Gate verdict per destination; a destination missing here is treated as not assessed (conditional).</summary>
    public IReadOnlyDictionary<Destination, PlanningGate> Gates { get; init; } = new Dictionary<Destination, PlanningGate>();
    /// <summary>Drift effort from the effort model; null = derive from server counts and the staffing ratios.</summary>
    public double? DriftHoursPerYear { get; init; }
    public int VmCount { get; init; }
    public int PhysicalServers { get; init; }
    /// <summary>Needs operation around the clock (24×7 price).</summary>
    public bool TwentyFourSeven { get; init; }
    /// <summary>One entry per server for cloud pricing; servers without an entry are priced as 2 vCPU / 8 GiB.</summary>
    public IReadOnlyList<VmShape> VmSizes { get; init; } = [];
    public SupportStatus OsSupport { get; init; } = SupportStatus.Unknown;
    /// <summary>Known SaaS price, SEK per year.</summary>
    public double? SaasPricePerYear { get; init; }
}
