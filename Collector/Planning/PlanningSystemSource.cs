using Sourcing.Analyzer;
using Sourcing.Analyzer.Assessment;
using Sourcing.Analyzer.Planning;
using Sourcing.Analyzer.Workloads;
using Sourcing.Collector.Assessment;

namespace Sourcing.Collector.Planning;

/// <summary>
/// The forecast's systems: every workload with its current assessment (gate, recommendation,
/// calibrated drift hours). The assessment is recomputed here with the stored settings rather
/// than read back, so a forecast never uses a gate older than the rule table it shows.
/// </summary>
public sealed class PlanningSystemSource(IWorkloadSource workloads, AssessmentStore assessments, TimeProvider time) : IPlanningSystemSource
{
    public async Task<IReadOnlyList<PlanningSystem>> LoadAsync(CancellationToken cancellationToken)
    {
        var settings = await assessments.GetSettingsAsync(cancellationToken);
        var all = await workloads.GetWorkloadsAsync(cancellationToken);
        var report = Assessor.Assess(settings.InputFor(all, time));
        var byId = report.Workloads.ToDictionary(a => a.WorkloadId);
        return all.Select(w => ToPlanning(w, byId.GetValueOrDefault(w.Id))).ToList();
    }

    internal static PlanningSystem ToPlanning(Workload workload, WorkloadAssessment? assessment)
    {
        var vms = workload.Resources.Where(r => !r.IsPhysicalHost && r.Kind == "vm").ToList();
        var family = vms.GroupBy(r => r.OsFamily).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault();
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
                        d.DecidingRuleId is null ? "" : $"{d.DecidingRuleId}: {d.DecidingRuleText}")),
            DriftHoursPerYear = assessment?.DriftHours,
            VmCount = vms.Count,
            PhysicalServers = workload.Resources.Count(r => r.IsPhysicalHost),
            TwentyFourSeven = workload.AvailabilityNeed == AvailabilityNeed.TwentyFourSeven,
            VmSizes = vms.Select(v => new VmShape(Math.Max(1, v.CpuCount), v.MemoryMib / 1024.0, string.Equals(v.OsFamily, "windows", StringComparison.OrdinalIgnoreCase))).ToList(),
            OsSupport = WorstSupport(workload.Resources),
        };
    }

    private static SupportStatus WorstSupport(IReadOnlyList<WorkloadResource> resources) =>
        resources.Count == 0
            ? SupportStatus.Unknown
            : resources.Select(r => r.Support).Max(s => s switch
            {
                SupportStatus.Unsupported => 3,
                SupportStatus.ExtendedOnly => 2,
                SupportStatus.Unknown => 1,
                _ => 0,
            }) switch
            {
                3 => SupportStatus.Unsupported,
                2 => SupportStatus.ExtendedOnly,
                1 => SupportStatus.Unknown,
                _ => SupportStatus.Supported,
            };
}
