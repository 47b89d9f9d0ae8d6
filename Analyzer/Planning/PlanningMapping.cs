using Sourcing.Analyzer.Assessment;
using Sourcing.Analyzer.Lifecycle;
using Sourcing.Analyzer.Workloads;

namespace Sourcing.Analyzer.Planning;

/// <summary>Pure mappings from the assessed estate to the planning model.</summary>
public static class PlanningMapping
{
    /// <summary>
    /// One workload and its assessment as the forecast sees them; <paramref name="use"/> (by resource
    /// id) gives each VM its measured p95 where samples exist.
    /// </summary>
    public static PlanningSystem ToPlanning(Workload workload, WorkloadAssessment? assessment, IReadOnlyDictionary<long, MeasuredUse>? use = null)
    {
        ArgumentNullException.ThrowIfNull(workload);
        var servers = workload.Resources.Where(r => r.IsPhysicalHost || r.Kind == "vm").ToList();
        var family = servers.Where(r => !r.IsPhysicalHost).GroupBy(r => r.Family)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => g.Key).FirstOrDefault();
        return new PlanningSystem
        {
            Id = workload.Id,
            Name = workload.Name,
            Department = workload.Department,
            OsFamily = family,
            Confidentiality = workload.Confidentiality,
            Recommended = assessment?.Recommendation.Destination,
            Gates = assessment is null
                ? new Dictionary<Destination, PlanningGate>()
                : assessment.Gate.Destinations.ToDictionary(
                    d => d.Destination,
                    d => new PlanningGate(
                        d.Verdict switch
                        {
                            GateVerdict.Blocked => PlanningGateVerdict.Blocked,
                            GateVerdict.Conditional => PlanningGateVerdict.Conditional,
                            _ => PlanningGateVerdict.Allowed,
                        },
                        RuleText(d.DecidingRuleId, d.DecidingRuleText))),
            DriftHoursPerYear = assessment?.DriftHours,
            VmCount = servers.Count(r => !r.IsPhysicalHost),
            PhysicalServers = servers.Count(r => r.IsPhysicalHost),
            TwentyFourSeven = workload.AvailabilityNeed == AvailabilityNeed.TwentyFourSeven,
            Vms = [.. servers.Select(r => new PlanningVm
            {
                Name = r.Name,
                Os = r.GuestOs ?? OsFamilies.Key(r.Family),
                VCpu = Math.Max(1, r.CpuCount),
                MemoryGib = r.MemoryMib / 1024.0,
                StorageGib = (double)r.StorageGib,
                PoweredOn = r.PoweredOn,
                Host = r.IsPhysicalHost || r.IsCloud ? null : r.Host,
                InCloud = r.IsCloud,
                Physical = r.IsPhysicalHost,
                CpuP95 = Measured(use, r)?.CpuP95,
                MemoryP95 = Measured(use, r)?.MemoryP95,
                UtilisationDays = Measured(use, r)?.Days,
            })],
            OsSupport = SupportStatuses.Worst(workload.Resources.Select(r => r.Support)),
            LicenceSekPerYear = workload.LicenceSekPerYear ?? 0,
        };
    }

    /// <summary>
    /// "K3: patient- och hälsodata …" for a rule whose text does not name itself; a text that already begins with the
    /// rule's id ("T3–T4, beroende av …" for rule T3) is given as it is, not as "T3: T3–T4, …".
    /// </summary>
    public static string RuleText(string? id, string? text) =>
        id is null ? ""
        : string.IsNullOrWhiteSpace(text) ? id
        : text.StartsWith(id, StringComparison.OrdinalIgnoreCase) ? text
        : $"{id}: {text}";

    private static MeasuredUse? Measured(IReadOnlyDictionary<long, MeasuredUse>? use, WorkloadResource resource) =>
        use is not null && !resource.IsPhysicalHost && use.TryGetValue(resource.Id, out var measured) ? measured : null;
}
