using Hangfire;
using Hangfire.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Sourcing.Collector.Scans;
using Sourcing.Collector.Sources;
using Sourcing.Web.Overview;
using Sourcing.Web.Security;

namespace Sourcing.Web.Pages.Sources;

[Authorize(Policy = Policies.Drift)]
public sealed class IndexModel(
    SourceStore sources, OverviewStore overview, JobStorage storage, IBackgroundJobClient jobs, ScheduleRegistrar registrar,
    TimeProvider time, IStringLocalizer<SharedResource> text, ILogger<IndexModel> logger) : PageModel
{
    public IReadOnlyList<SourceRow> Sources { get; private set; } = [];

    public IReadOnlyDictionary<long, SourceHealth> Health { get; private set; } = new Dictionary<long, SourceHealth>();

    public IReadOnlyDictionary<long, DateTime?> NextRun { get; private set; } = new Dictionary<long, DateTime?>();

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    /// <summary>The sources table as CSV (UTF-8 with BOM for Excel); secrets are never in it, only where they come from.</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return await CsvExport.WriteAsync(Response, CsvExport.FileName("kallor", time),
            ["name", "kind", "url", "username", "secret", "thumbprint", "schedule", "time_zone", "max_concurrency", "enabled", "last_status",
             "last_scan_at", "next_run", "created_at"],
            Sources.Select(s =>
            {
                Health.TryGetValue(s.Id, out var h);
                return new object?[]
                {
                    s.Name, s.Kind, s.Url, s.Username, SecretSource(s), s.Thumbprint, s.Schedule, s.TimeZone, s.MaxConcurrency,
                    s.Enabled, h?.LastStatus, h?.LastFinishedAt ?? h?.LastStartedAt, NextRun.GetValueOrDefault(s.Id), s.CreatedAt,
                };
            }), cancellationToken);
    }

    /// <summary>Turns a source's scheduled scans on or off (a source is never deleted: its history stays).</summary>
    public async Task<IActionResult> OnPostEnabledAsync(long id, bool enabled, CancellationToken cancellationToken)
    {
        if (!await sources.SetEnabledAsync(id, enabled, cancellationToken))
        {
            return NotFound();
        }

        var source = (await sources.GetAsync(id, cancellationToken))!;
        registrar.Register(source);
        logger.LogInformation("User {User} {Action} source {Source} (id {Id})", User.Identity?.Name, enabled ? "enabled" : "disabled", source.Name, id);
        TempData["Message"] = text[enabled ? "SourcesForm.Msg.Enabled" : "SourcesForm.Msg.Disabled", source.Name].Value;
        return RedirectToPage("/Sources/Index");
    }

    /// <summary>Where the secret comes from, for the CSV and the table: never the secret or its ciphertext.</summary>
    public static string SecretSource(SourceRow source) =>
        source.SecretProtected is not null ? "encrypted" : source.SecretEnv is { } env ? "env:" + env : "";

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Sources = await sources.ListAsync(cancellationToken);
        Health = (await overview.ScanHealthAsync(cancellationToken)).ToDictionary(h => h.SourceId);
        using var connection = storage.GetConnection();
        var recurring = connection.GetRecurringJobs(Sources.Select(s => ScheduleRegistrar.JobId(s.Id)));
        NextRun = Sources.ToDictionary(s => s.Id, s => recurring.FirstOrDefault(r => r.Id == ScheduleRegistrar.JobId(s.Id))?.NextExecution);
    }

    /// <summary>"Skanna nu": queues the same job the schedule runs; the scan lock stops a second one running at once.</summary>
    public async Task<IActionResult> OnPostScanAsync(long id, CancellationToken cancellationToken)
    {
        var source = await sources.GetAsync(id, cancellationToken);
        if (source is null)
        {
            return NotFound();
        }

        var jobId = jobs.Enqueue<ScanJob>(job => job.RunAsync(id, "manual", CancellationToken.None));
        logger.LogInformation("User {User} queued a scan of source {Source} (job {JobId})", User.Identity?.Name, source.Name, jobId);
        TempData["Message"] = text["Sources.ScanQueued", source.Name].Value;
        return RedirectToPage("/Scans/Index", new { awaiting = id });
    }
}
