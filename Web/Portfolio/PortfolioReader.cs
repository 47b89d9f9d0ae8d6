using System.Text.Json;
using Sourcing.Analyzer;
using Sourcing.Analyzer.Assessment;
using Sourcing.Analyzer.Workloads;
using Sourcing.Collector.Assessment;
using Sourcing.Collector.Workloads;
using Sourcing.Web.Caching;

namespace Sourcing.Web.Portfolio;

/// <summary>
/// Joins the systems with their stored assessments for the portfolio pages. The whole portfolio
/// is read (a region has hundreds to a few thousand systems) and filtered in the server, so the
/// list, chart and exports always agree.
/// </summary>
public static class PortfolioReader
{
    /// <summary>The portfolio as kept until the inventory, workloads or assessments change (<see cref="InputsCache"/>); the rows are shared, never changed.</summary>
    public static Task<IReadOnlyList<PortfolioRow>> LoadAsync(
        InputsCache cache, WorkloadStore workloads, AssessmentStore assessments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cache);
        return cache.GetAsync("portfolio", ct => LoadAsync(workloads, assessments, ct), cancellationToken);
    }

    public static async Task<IReadOnlyList<PortfolioRow>> LoadAsync(WorkloadStore workloads, AssessmentStore assessments, CancellationToken cancellationToken)
    {
        // The list shows no single server: counts per system come from the database, not 50,000 server rows.
        var all = await workloads.LoadListAsync(cancellationToken);
        var stored = (await assessments.GetAssessmentsAsync(cancellationToken)).ToDictionary(a => a.WorkloadId);
        return [.. all.Select(e => ToRow(e.Workload, e.VmCount, e.WorstSupport, stored.GetValueOrDefault(e.Workload.Id)))];
    }

    public static PortfolioRow ToRow(Workload workload, StoredAssessment? stored)
    {
        ArgumentNullException.ThrowIfNull(workload);
        var vms = workload.Resources.Count(r => r.Kind == "vm");
        SupportStatus? worst = workload.Resources.Count == 0 ? null
            : workload.Resources.Select(r => r.Support).Where(s => s != SupportStatus.Unknown).DefaultIfEmpty(SupportStatus.Unknown).Max();
        return ToRow(workload, vms, worst, stored);
    }

    private static PortfolioRow ToRow(Workload workload, int vms, SupportStatus? worst, StoredAssessment? stored)
    {
        if (stored is null)
        {
            return new PortfolioRow(workload, vms, worst, null, null, null, null, null, []);
        }

        var status = Enum.TryParse<RecommendationStatus>(stored.Status, out var s) ? s : RecommendationStatus.InsufficientData;
        Destination? destination = stored.Recommendation is { } d && Enum.TryParse<Destination>(d, out var parsed) ? parsed : null;
        string? reason = null;
        var missing = new List<string>();
        // Only the recommendation's text fields are needed here; reading them by name keeps the list
        // independent of the rest of the result's shape.
        using (var json = JsonDocument.Parse(stored.Result))
        {
            if (json.RootElement.TryGetProperty("recommendation", out var rec))
            {
                reason = rec.TryGetProperty("reason", out var r) ? r.GetString() : null;
                if (rec.TryGetProperty("missingFields", out var m) && m.ValueKind == JsonValueKind.Array)
                {
                    missing.AddRange(m.EnumerateArray().Select(e => e.GetString() ?? ""));
                }
            }
        }

        return new PortfolioRow(workload, vms, worst, status, destination, stored.Confidence, stored.DriftHours, reason, missing);
    }

    /// <summary>The recommendation keys in display order, for filters and the chart.</summary>
    public static IReadOnlyList<string> RecommendationKeys { get; } =
        [.. Enum.GetValues<Destination>().Select(d => d.ToString()), "missing", "blocked", "none"];
}
