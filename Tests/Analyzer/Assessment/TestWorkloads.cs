using Sourcing.Analyzer.Workloads;

namespace Sourcing.Tests.Analyzer.Assessment;

/// <summary>Workloads for the assessment tests: a fully described, unremarkable system to vary with `with`.</summary>
public static class TestWorkloads
{
    public static Workload Complete(long id = 1, int k = 1) => new()
    {
        Id = id,
        Name = "System " + id,
        Confidentiality = k,
        Integrity = 1,
        Availability = 1,
        SecurityClassified = false,
        PersonalData = PersonalDataCategory.None,
        AvailabilityNeed = AvailabilityNeed.OfficeHours,
        MedicalDeviceDependency = false,
        RequiresOffline = false,
        InHouseBuilt = false,
        SaasAvailable = Tristate.No,
        IntegrationCount = 2,
        ContractEnd = new DateOnly(2030, 1, 1),
        Lifecycle = LifecycleState.InUse,
        Resources = Vms(id, 2),
    };

    public static IReadOnlyList<WorkloadResource> Vms(long workloadId, int count, string osVersion = "2022", SupportStatus support = SupportStatus.Supported) =>
        Enumerable.Range(0, count)
            .Select(i => new WorkloadResource(workloadId * 100 + i, "vm", $"vm-{workloadId}-{i}", "windows", osVersion, support, 4, 8192, 100m, false, false))
            .ToList();

    public static WorkloadResource Host(long id) =>
        new(id, "host", "esx-" + id, null, null, SupportStatus.Unknown, 32, 262144, 0m, false, true);
}
