using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Sourcing.Web.Security;

namespace Sourcing.Web.Api;

/// <summary>JSON for the scans page: progress of running scans, polled by wwwroot/js/scan-progress.js.</summary>
public static class ScansApi
{
    public static IEndpointRouteBuilder MapScansApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/scans").RequireAuthorization(Policies.Drift);
        group.MapGet("/progress", ProgressAsync)
            .WithSummary("Pågående skanningar")
            .WithDescription("Skanningar som pågår och de som avslutats den senaste minuten, med förlopp.");
        return routes;
    }

    /// <summary>Scans running now, plus those finished in the last minute (so the page sees them end).</summary>
    internal static async Task<Ok<List<ScanProgress>>> ProgressAsync(NpgsqlDataSource dataSource, TimeProvider time, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<ScanProgress>(new CommandDefinition(
            """
            SELECT id, source_id AS SourceId, status, progress_done AS Done, progress_total AS Total, progress_text AS Text
            FROM sourcing.scan
            WHERE status = 'running' OR finished_at > @since
            ORDER BY id
            """, new { since = time.GetUtcNow().UtcDateTime.AddMinutes(-1) }, cancellationToken: cancellationToken));
        return TypedResults.Ok(rows.AsList());
    }

    public sealed record ScanProgress
    {
        public long Id { get; init; }
        public long SourceId { get; init; }
        public string Status { get; init; } = "";
        public int Done { get; init; }
        public int Total { get; init; }
        public string? Text { get; init; }
    }
}
