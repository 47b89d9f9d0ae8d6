using System.Text.Json;
using Dapper;
using Npgsql;

namespace Sourcing.Collector.Scans;

/// <summary>Scan runs (sourcing.scan): start, progress, finish.</summary>
public sealed class ScanStore(NpgsqlDataSource dataSource)
{
    public async Task<long> StartAsync(long sourceId, string trigger, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO sourcing.scan (source_id, started_at, status, trigger)
            VALUES (@sourceId, @now, 'running', @trigger) RETURNING id
            """,
            new { sourceId, now = now.UtcDateTime, trigger }, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Marks scans of the source still 'running' as failed. Called while holding the source's scan
    /// lease, so any such row belongs to a scan that lost its lease (its process died or lost the database).
    /// </summary>
    public async Task<int> FailAbandonedAsync(long sourceId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE sourcing.scan SET status = 'failed', finished_at = @now,
                   errors = errors || '["Skanningen avbröts: den förlorade ensamrätten till källan (processen stoppades eller tappade databasen) och en ny skanning tog över."]'::jsonb
            WHERE source_id = @sourceId AND status = 'running'
            """,
            new { sourceId, now = now.UtcDateTime }, cancellationToken: cancellationToken));
    }

    public async Task ReportProgressAsync(long scanId, int done, int total, string? text, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE sourcing.scan SET progress_done = @done, progress_total = @total, progress_text = @text WHERE id = @scanId AND status = 'running'",
            new { scanId, done, total, text }, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Records how the scan ended; false when it was no longer running (a scan that took over its lease marked it
    /// failed), so a late "succeeded" never overwrites that.
    /// </summary>
    public async Task<bool> FinishAsync(long scanId, ScanOutcome outcome, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return 1 == await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE sourcing.scan SET status = @Status, finished_at = @now, added = @Added, changed = @Changed,
                   removed = @Removed, unchanged = @Unchanged, skipped = @Skipped, calls = @Calls,
                   errors = @Errors::jsonb, api_path = @ApiPath,
                   progress_done = CASE WHEN @Status = 'succeeded' THEN progress_total ELSE progress_done END
            WHERE id = @scanId AND status = 'running'
            """,
            new
            {
                scanId,
                now = now.UtcDateTime,
                outcome.Status,
                outcome.Added,
                outcome.Changed,
                outcome.Removed,
                outcome.Unchanged,
                outcome.Skipped,
                outcome.Calls,
                outcome.ApiPath,
                Errors = JsonSerializer.Serialize(outcome.Errors),
            },
            cancellationToken: cancellationToken));
    }

    public async Task<ScanRow?> GetAsync(long scanId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<ScanRow>(new CommandDefinition(
            SelectSql + " WHERE s.id = @scanId", new { scanId }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<ScanRow>> RecentAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<ScanRow>(new CommandDefinition(
            SelectSql + " ORDER BY s.started_at DESC, s.id DESC LIMIT @limit", new { limit }, cancellationToken: cancellationToken));
        return rows.AsList();
    }

    private const string SelectSql =
        """
        SELECT s.id, s.source_id AS SourceId, src.name AS SourceName, s.started_at AS StartedAt, s.finished_at AS FinishedAt,
               s.status, s.trigger, s.progress_done AS ProgressDone, s.progress_total AS ProgressTotal,
               s.progress_text AS ProgressText, s.added, s.changed, s.removed, s.unchanged, s.skipped, s.calls,
               s.errors::text AS ErrorsJson, s.api_path AS ApiPath
        FROM sourcing.scan s JOIN sourcing.source src ON src.id = s.source_id
        """;
}

/// <summary>How a scan ended. Status: succeeded, partial or failed.</summary>
public sealed record ScanOutcome(
    string Status, int Added, int Changed, int Removed, int Unchanged, int Skipped, int Calls, IReadOnlyList<string> Errors)
{
    /// <summary>How the source was read ("VI/JSON 8.0.3.0", "REST /api"); null when the collector does not say.</summary>
    public string? ApiPath { get; init; }
}

public sealed record ScanRow
{
    public long Id { get; init; }
    public long SourceId { get; init; }
    public string SourceName { get; init; } = "";
    public DateTime StartedAt { get; init; }
    public DateTime? FinishedAt { get; init; }
    public string Status { get; init; } = "";
    public string Trigger { get; init; } = "";
    public int ProgressDone { get; init; }
    public int ProgressTotal { get; init; }
    public string? ProgressText { get; init; }
    public int Added { get; init; }
    public int Changed { get; init; }
    public int Removed { get; init; }
    public int Unchanged { get; init; }
    public int Skipped { get; init; }
    public int Calls { get; init; }
    public string ErrorsJson { get; init; } = "[]";
    public string? ApiPath { get; init; }

    public IReadOnlyList<string> Errors => JsonSerializer.Deserialize<List<string>>(ErrorsJson) ?? [];
}
