using System.Text;
using Hangfire;
using Hangfire.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Sourcing.Collector.Cli;
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
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=\"kallor-{time.GetUtcNow():yyyyMMdd}.csv\"";
        await using var writer = new StreamWriter(Response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        await writer.WriteLineAsync("name,kind,url,username,secret,thumbprint,schedule,time_zone,max_concurrency,enabled,last_status,last_scan_at,next_run,created_at");
        foreach (var s in Sources)
        {
            Health.TryGetValue(s.Id, out var h);
            var lastScan = h?.LastFinishedAt ?? h?.LastStartedAt;
            var next = NextRun.GetValueOrDefault(s.Id);
            await writer.WriteLineAsync(string.Join(',', new object?[]
            {
                s.Name, s.Kind, s.Url, s.Username, SecretSource(s), s.Thumbprint, s.Schedule, s.TimeZone, s.MaxConcurrency,
                s.Enabled ? "true" : "false", h?.LastStatus, lastScan is { } l ? Display.Iso(l) : null, next is { } n ? Display.Iso(n) : null,
                Display.Iso(s.CreatedAt),
            }.Select(InventoryCommand.Csv)));
        }

        // Already written to the body; a Task-returning handler would render the page after it.
        return new EmptyResult();
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
