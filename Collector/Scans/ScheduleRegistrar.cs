using Hangfire;
using Microsoft.Extensions.Logging;
using Sourcing.Collector.Assessment;
using Sourcing.Collector.Planning;
using Sourcing.Collector.Sources;
using Sourcing.Collector.Workloads;

namespace Sourcing.Collector.Scans;

/// <summary>
/// Keeps one Hangfire recurring job per enabled source (id "scan-source-{id}"), with the source's
/// cron schedule in its time zone (default nightly 02:00 Europe/Stockholm). All recurring jobs are
/// registered here, in one place.
/// </summary>
public sealed class ScheduleRegistrar(SourceStore sources, IRecurringJobManager recurring, ILogger<ScheduleRegistrar> logger)
{
    public const string SyncJobId = "sync-schedules";

    public static string JobId(long sourceId) => $"scan-source-{sourceId}";

    [AutomaticRetry(Attempts = 0)]
    [JobDisplayName("Synka skanningsscheman")]
    public async Task SyncAsync(CancellationToken cancellationToken)
    {
        foreach (var source in await sources.ListAsync(cancellationToken))
        {
            Register(source);
        }
    }

    /// <summary>
    /// Adds, updates or removes the recurring scan of one source after it was saved, so a change
    /// shows at once instead of at the next sync.
    /// </summary>
    public void Register(SourceRow source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (!source.Enabled || source.Kind == "rvtools")
        {
            recurring.RemoveIfExists(JobId(source.Id));
            return;
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(source.TimeZone);
        var id = source.Id;
        recurring.AddOrUpdate<ScanJob>(
            JobId(id), job => job.RunAsync(id, "schedule", CancellationToken.None), source.Schedule,
            new RecurringJobOptions { TimeZone = zone });
        logger.LogDebug("Scan of {Source} scheduled at {Cron} {Zone}", source.Name, source.Schedule, zone.Id);
    }

    /// <summary>Registers the product's fixed recurring jobs; called once at start-up of a Hangfire server.</summary>
    public void RegisterFixedJobs()
    {
        var stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");
        recurring.AddOrUpdate<ScheduleRegistrar>(SyncJobId, r => r.SyncAsync(CancellationToken.None), "*/5 * * * *");
        // After the nightly scans (02:00): re-map and re-assess once more, whatever the scans did.
        recurring.AddOrUpdate<MappingJob>("map-resources", j => j.RunAsync(CancellationToken.None), "15 4 * * *", new RecurringJobOptions { TimeZone = stockholm });
        recurring.AddOrUpdate<AnalyzeJob>("analyze", j => j.RunAsync(CancellationToken.None), "30 4 * * *", new RecurringJobOptions { TimeZone = stockholm });
        // Deleted scenarios stay restorable for 30 days, then go.
        recurring.AddOrUpdate<ScenarioPurgeJob>("purge-deleted-scenarios", j => j.RunAsync(CancellationToken.None), "45 3 * * *", new RecurringJobOptions { TimeZone = stockholm });
        // The planning inputs' change rows are folded into one count; the version stays the same.
        recurring.AddOrUpdate<PlanningInputVersion>("prune-planning-input-changes", v => v.PruneAsync(CancellationToken.None), "50 3 * * *", new RecurringJobOptions { TimeZone = stockholm });
        // Learning from decisions changes slowly; weekly is enough.
        recurring.AddOrUpdate<TrainModelJob>("train-decision-model", j => j.RunAsync(CancellationToken.None), "0 5 * * 0", new RecurringJobOptions { TimeZone = stockholm });
    }
}
