using Dapper;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Npgsql;
using Sourcing.Collector.Scans;
using Sourcing.Collector.Sources;
using Sourcing.Web.Security;

namespace Sourcing.Web.Pages.Scans;

[Authorize(Policy = Policies.Drift)]
public sealed class IndexModel(ScanStore scans, SourceStore sources, NpgsqlDataSource dataSource, TimeProvider time) : PageModel
{
    public const int Shown = 100;

    public IReadOnlyList<ScanRow> Scans { get; private set; } = [];

    /// <summary>The source whose "Skanna nu" just queued a job that has not started yet (null when nothing is awaited).</summary>
    public SourceRow? Awaiting { get; private set; }

    /// <summary>The newest scan of <see cref="Awaiting"/> at render time: a newer one means the queued job has started.</summary>
    public long AwaitingAfterScanId { get; private set; }

    public async Task OnGetAsync([FromQuery] long? awaiting, CancellationToken cancellationToken)
    {
        Scans = await scans.RecentAsync(Shown, cancellationToken);
        if (awaiting is { } sourceId && await sources.GetAsync(sourceId, cancellationToken) is { } source)
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            // The job may have started between the redirect and this page: then its row is already here and there is nothing to wait for.
            var (latest, started) = await connection.QuerySingleAsync<(long, bool)>(new CommandDefinition(
                "SELECT coalesce(max(id), 0), coalesce(bool_or(status = 'running'), false) FROM sourcing.scan WHERE source_id = @sourceId",
                new { sourceId }, cancellationToken: cancellationToken));
            if (!started)
            {
                Awaiting = source;
                AwaitingAfterScanId = latest;
            }
        }
    }

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
