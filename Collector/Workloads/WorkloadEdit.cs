using Sourcing.Analyzer.Workloads;

namespace Sourcing.Collector.Workloads;

/// <summary>The attributes a sourcing manager sets by hand on the system page. Null means "not known".</summary>
public sealed record WorkloadEdit
{
    public int? Confidentiality { get; init; }
    public int? Integrity { get; init; }
    public int? Availability { get; init; }
    public PersonalDataCategory PersonalData { get; init; }
    public AvailabilityNeed AvailabilityNeed { get; init; }
    public bool? MedicalDeviceDependency { get; init; }
    public bool? InHouseBuilt { get; init; }
    public Tristate SaasAvailable { get; init; }
    public int? IntegrationCount { get; init; }
    public DateOnly? ContractEnd { get; init; }
    public LifecycleState Lifecycle { get; init; }
}
