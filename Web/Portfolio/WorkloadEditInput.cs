using System.ComponentModel.DataAnnotations;
using Sourcing.Analyzer.Workloads;
using Sourcing.Collector.Workloads;

namespace Sourcing.Web.Portfolio;

/// <summary>The system page's edit form. Empty select values bind to null ("not known").</summary>
public sealed class WorkloadEditInput
{
    [Range(0, 4)]
    public int? Confidentiality { get; set; }

    [Range(0, 4)]
    public int? Integrity { get; set; }

    [Range(0, 4)]
    public int? Availability { get; set; }

    public PersonalDataCategory PersonalData { get; set; }

    public AvailabilityNeed AvailabilityNeed { get; set; }

    public bool? MedicalDevice { get; set; }

    public bool? InHouseBuilt { get; set; }

    public Tristate SaasAvailable { get; set; }

    [Range(0, 10_000)]
    public int? IntegrationCount { get; set; }

    public DateOnly? ContractEnd { get; set; }

    public LifecycleState Lifecycle { get; set; }

    public static WorkloadEditInput From(Workload w) => new()
    {
        Confidentiality = w.Confidentiality,
        Integrity = w.Integrity,
        Availability = w.Availability,
        PersonalData = w.PersonalData,
        AvailabilityNeed = w.AvailabilityNeed,
        MedicalDevice = w.MedicalDeviceDependency,
        InHouseBuilt = w.InHouseBuilt,
        SaasAvailable = w.SaasAvailable,
        IntegrationCount = w.IntegrationCount,
        ContractEnd = w.ContractEnd,
        Lifecycle = w.Lifecycle,
    };

    public WorkloadEdit ToEdit() => new()
    {
        Confidentiality = Confidentiality,
        Integrity = Integrity,
        Availability = Availability,
        PersonalData = PersonalData,
        AvailabilityNeed = AvailabilityNeed,
        MedicalDeviceDependency = MedicalDevice,
        InHouseBuilt = InHouseBuilt,
        SaasAvailable = SaasAvailable,
        IntegrationCount = IntegrationCount,
        ContractEnd = ContractEnd,
        Lifecycle = Lifecycle,
    };
}
