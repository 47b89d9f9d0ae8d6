using Dapper;
using Npgsql;
using Sourcing.Analyzer.Assessment;
using Sourcing.Analyzer.Planning;
using Sourcing.Analyzer.Workloads;
using Sourcing.Collector.Assessment;
using Sourcing.Collector.Inventory;

namespace Sourcing.Collector.Planning;

/// <summary>
/// The estate from the database: every workload with its current assessment (gate, recommendation,
/// calibrated drift hours) and servers, the in-house hosts from the inventory, the drift FTE the
/// effort is calibrated to, and the region's cost figures. The assessments are the stored ones (the
/// figures the lists and system pages show), recomputed only when they do not cover today's systems,
/// rule table and weights. Each VM carries its measured use (p95 over the right-sizing window, one
/// query for the whole estate) so that the forecast can right-size cloud servers.
/// `sourcing estate export` writes exactly this as a file.
/// </summary>
public sealed class EstateSource(
    IWorkloadSource workloads, AssessmentStore assessments, CostBudgetStore budget, NpgsqlDataSource dataSource, TimeProvider time,
    UtilisationStore? utilisation = null) : IEstateSource
{
    public async Task<Estate> LoadAsync(CancellationToken cancellationToken)
    {
        var settings = await assessments.GetSettingsAsync(cancellationToken);
        var all = await workloads.GetWorkloadsAsync(cancellationToken);
        var use = utilisation is null ? null : await utilisation.MeasuredUseAsync(time.GetUtcNow(), cancellationToken);
        var byId = await AssessmentsAsync(all, settings, use, cancellationToken);
        var costs = await budget.ListAsync(cancellationToken);
        return new Estate
        {
            Systems = [.. all.Select(w => PlanningMapping.ToPlanning(w, byId.GetValueOrDefault(w.Id), use))],
            Hosts = await LoadHostsAsync(cancellationToken),
            DriftFte = settings.Effort.StatedDriftFte,
            CostPools = costs.ToDictionary(c => c.Pool, c => c.SekPerYear, StringComparer.Ordinal),
        };
    }

    /// <summary>
    /// The stored assessments (what every page shows) when every system has one under today's rule
    /// table and weights; otherwise (a system added since the last run, rules changed and not yet run)
    /// the same calibrated computation over the whole estate, not stored: reading must not write.
    /// </summary>
    private async Task<Dictionary<long, WorkloadAssessment>> AssessmentsAsync(
        IReadOnlyList<Workload> all, AssessmentSettings settings, IReadOnlyDictionary<long, MeasuredUse>? use, CancellationToken cancellationToken)
    {
        var stored = (await assessments.GetAssessmentsAsync(cancellationToken)).ToDictionary(a => a.WorkloadId);
        var current = all.All(w => stored.TryGetValue(w.Id, out var a)
            && a.RuleSetVersion == settings.Rules.Version && a.WeightsVersion == settings.Weights.Version);
        return current
            ? all.ToDictionary(w => w.Id, w => stored[w.Id].ToAssessment())
            : Assessor.Assess(settings.InputFor(all, time, use)).Workloads.ToDictionary(a => a.WorkloadId);
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
}
