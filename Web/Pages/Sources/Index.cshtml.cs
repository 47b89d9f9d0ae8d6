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
    SourceStore sources, OverviewStore overview, JobStorage storage, IBackgroundJobClient jobs,
    IStringLocalizer<SharedResource> text, ILogger<IndexModel> logger) : PageModel
{
    public IReadOnlyList<SourceRow> Sources { get; private set; } = [];

    public IReadOnlyDictionary<long, SourceHealth> Health { get; private set; } = new Dictionary<long, SourceHealth>();

    public IReadOnlyDictionary<long, DateTime?> NextRun { get; private set; } = new Dictionary<long, DateTime?>();

    public async Task OnGetAsync(CancellationToken cancellationToken)
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
