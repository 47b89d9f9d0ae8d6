using Sourcing.Analyzer.Workloads;

namespace Sourcing.Analyzer.Assessment;

/// <summary>
/// What <see cref="Assessor"/> needs. <see cref="Today"/> is injected (contract windows) so results
/// do not depend on the clock. <see cref="OverProvisioning"/> is the share (0–1) of allocated
/// capacity a workload does not use, where utilisation data exists; absent otherwise.
/// </summary>
public sealed record AssessmentInput
{
    public required IReadOnlyList<Workload> Workloads { get; init; }
    public required DateOnly Today { get; init; }
    public GateRuleSet Rules { get; init; } = GateRuleSet.Default;
    public ScoringWeights Weights { get; init; } = ScoringWeights.Default;
    public EffortParameters Effort { get; init; } = EffortParameters.Default;
    /// <summary>The region's suppliers: whose law each destination falls under (see <see cref="SupplierRegister"/>).</summary>
    public SupplierRegister Suppliers { get; init; } = SupplierRegister.Empty;
    public IReadOnlyDictionary<long, double>? OverProvisioning { get; init; }
}
