using System.ComponentModel.DataAnnotations;
using Sourcing.Analyzer.Workloads;
using Sourcing.Collector.Workloads;

namespace Sourcing.Web.Portfolio;

/// <summary>The system page's edit form. Empty select values bind to null ("not known").</summary>
public sealed class WorkloadEditInput
{
    [Range(0, 4)]
    [Display(Name = "Konfidentialitet (K)")]
    public int? Confidentiality { get; set; }

    [Range(0, 4)]
    [Display(Name = "Riktighet (R)")]
    public int? Integrity { get; set; }

    [Range(0, 4)]
    [Display(Name = "Tillgänglighet (T)")]
    public int? Availability { get; set; }

    [Display(Name = "Personuppgifter")]
    public PersonalDataCategory PersonalData { get; set; }

    [Display(Name = "Tillgänglighetsbehov")]
    public AvailabilityNeed AvailabilityNeed { get; set; }

    [Display(Name = "Beroende av medicinteknisk utrustning")]
    public bool? MedicalDevice { get; set; }

    [Display(Name = "Egenutvecklat")]
    public bool? InHouseBuilt { get; set; }

    [Display(Name = "Finns SaaS-version")]
    public Tristate SaasAvailable { get; set; }

    [Range(0, 10_000)]
    [Display(Name = "Antal integrationer")]
    public int? IntegrationCount { get; set; }

    [Display(Name = "Avtalets slutdatum")]
    public DateOnly? ContractEnd { get; set; }

    [Display(Name = "Livscykel")]
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
