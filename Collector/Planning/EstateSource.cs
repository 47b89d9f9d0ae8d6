using Dapper;
using Npgsql;
using Sourcing.Analyzer;
using Sourcing.Analyzer.Assessment;
using Sourcing.Analyzer.Lifecycle;
using Sourcing.Analyzer.Planning;
using Sourcing.Analyzer.Workloads;
using Sourcing.Collector.Assessment;

namespace Sourcing.Collector.Planning;

/// <summary>
/// The estate from the database: every workload with its current assessment (gate, recommendation,
/// calibrated drift hours) and servers, the in-house hosts from the inventory, the drift FTE the
/// effort is calibrated to, and the region's cost figures. The assessment is recomputed here with
/// the stored settings rather than read back, so a forecast never uses a gate older than the rule
/// table it shows. `sourcing estate export` writes exactly this as a file.
/// </summary>
public sealed class EstateSource(IWorkloadSource workloads, AssessmentStore assessments, CostBudgetStore budget, NpgsqlDataSource dataSource, TimeProvider time) : IEstateSource
{
    public async Task<Estate> LoadAsync(CancellationToken cancellationToken)
    {
        var settings = await assessments.GetSettingsAsync(cancellationToken);
        var all = await workloads.GetWorkloadsAsync(cancellationToken);
        var report = Assessor.Assess(settings.InputFor(all, time));
        var byId = report.Workloads.ToDictionary(a => a.WorkloadId);
        var costs = await budget.ListAsync(cancellationToken);
        return new Estate
        {
            Systems = [.. all.Select(w => ToPlanning(w, byId.GetValueOrDefault(w.Id)))],
            Hosts = await LoadHostsAsync(cancellationToken),
            DriftFte = settings.Effort.StatedDriftFte,
            CostPools = costs.ToDictionary(c => c.Pool, c => c.SekPerYear, StringComparer.Ordinal),
        };
    }

    private async Task<IReadOnlyList<PlanningHost>> LoadHostsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Name, string? Cluster, int? Cores)>(new CommandDefinition(
            """
            SELECT name, cluster, cpu_count
            FROM sourcing.resource
            WHERE kind = 'host' AND removed_at IS NULL
            ORDER BY name, id
            """, cancellationToken: cancellationToken));
        return [.. rows.DistinctBy(r => r.Name, StringComparer.OrdinalIgnoreCase)
            .Select(r => new PlanningHost { Name = r.Name, Cluster = r.Cluster, Cores = r.Cores is > 0 ? r.Cores : null })];
    }

    /// <summary>One workload and its assessment as the forecast sees them.</summary>
    public static PlanningSystem ToPlanning(Workload workload, WorkloadAssessment? assessment)
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
                        d.DecidingRuleId is null ? "" : $"{d.DecidingRuleId}: {d.DecidingRuleText}")),
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
            })],
            OsSupport = SupportStatuses.Worst(workload.Resources.Select(r => r.Support)),
            LicenceSekPerYear = workload.LicenceSekPerYear ?? 0,
        };
    }
}
