using Sourcing.Analyzer;
using Sourcing.Analyzer.Assessment;
using Sourcing.Analyzer.Workloads;

namespace Sourcing.Collector.Assessment;

/// <summary>The region's current rule table, weights, effort parameters (defaults where none is saved) and supplier register.</summary>
public sealed record AssessmentSettings(GateRuleSet Rules, ScoringWeights Weights, EffortParameters Effort, SupplierRegister? Suppliers = null)
{
    public SupplierRegister SupplierRegister => Suppliers ?? SupplierRegister.Empty;

    /// <summary>
    /// What the assessor needs to assess <paramref name="workloads"/> today (Swedish date) under these
    /// settings; <paramref name="use"/> (measured use by resource id) gives the over-provisioning factor.
    /// </summary>
    public AssessmentInput InputFor(IReadOnlyList<Workload> workloads, TimeProvider time, IReadOnlyDictionary<long, MeasuredUse>? use = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        return new AssessmentInput
        {
            Workloads = workloads,
            Today = SwedishTime.Today(time),
            Rules = Rules,
            Weights = Weights,
            Effort = Effort,
            Suppliers = SupplierRegister,
            OverProvisioning = use is null ? null : OverProvisioningEstimate.For(workloads, use),
        };
    }
}
