using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sourcing.Collector.Scans;
using Sourcing.Web.Security;

namespace Sourcing.Web.Pages.Scans;

[Authorize(Policy = Policies.Drift)]
public sealed class IndexModel(ScanStore scans, TimeProvider time) : PageModel
{
    public const int Shown = 100;

    public IReadOnlyList<ScanRow> Scans { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Scans = await scans.RecentAsync(Shown, cancellationToken);

    /// <summary>The whole scan history, newest first; the page shows only the latest <see cref="Shown"/>.</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        var rows = await scans.RecentAsync(int.MaxValue, cancellationToken);
        return await CsvExport.WriteAsync(Response, CsvExport.FileName("skanningar", time),
            ["id", "source", "trigger", "started_at", "finished_at", "status", "added", "changed", "removed", "unchanged", "skipped", "errors"],
            rows.Select(s => new object?[]
            {
                s.Id, s.SourceName, s.Trigger, s.StartedAt, s.FinishedAt, s.Status, s.Added, s.Changed, s.Removed, s.Unchanged, s.Skipped,
                string.Join("; ", s.Errors),
            }), cancellationToken);
    }
}
