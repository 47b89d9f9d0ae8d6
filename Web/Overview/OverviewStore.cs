using Dapper;
using Npgsql;

namespace Sourcing.Web.Overview;

/// <summary>The figures of the overview dashboard that exist today: estate size and trend, and scan health.</summary>
public sealed class OverviewStore(NpgsqlDataSource dataSource, TimeProvider time)
{
    public async Task<EstateSummary> EstateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleAsync<EstateSummary>(new CommandDefinition(
            """
            SELECT count(*) FILTER (WHERE kind = 'vm') AS Vms,
                   count(*) FILTER (WHERE kind = 'vm' AND power_state = 'on') AS VmsOn,
                   count(*) FILTER (WHERE kind = 'host') AS Hosts,
                   count(*) FILTER (WHERE kind = 'cloud') AS CloudResources,
                   COALESCE(sum(cpu_count) FILTER (WHERE kind = 'vm'), 0) AS VCpus,
                   COALESCE(sum(memory_mib) FILTER (WHERE kind = 'vm'), 0) / 1024.0 AS MemoryGib,
                   COALESCE(sum(storage_gib) FILTER (WHERE kind = 'vm'), 0) / 1024.0 AS StorageTib,
                   count(*) FILTER (WHERE kind = 'vm' AND os_family = 'windows') AS Windows,
                   count(*) FILTER (WHERE kind = 'vm' AND os_family = 'linux') AS Linux
            FROM sourcing.resource WHERE removed_at IS NULL
            """, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// VM count at the end of each day (when the inventory is younger than 60 days) or each month
    /// (at most 24), from first_seen_at and removed_at. Starts when the first VM was seen.
    /// </summary>
    public async Task<IReadOnlyList<TrendPoint>> VmTrendAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var first = await connection.ExecuteScalarAsync<DateTime?>(new CommandDefinition(
            "SELECT min(first_seen_at) FROM sourcing.resource WHERE kind = 'vm'", cancellationToken: cancellationToken));
        if (first is null)
        {
            return [];
        }

        var now = time.GetUtcNow().UtcDateTime;
        var daily = (now - first.Value).TotalDays < 60;
        var points = await connection.QueryAsync<TrendPoint>(new CommandDefinition(
            """
            WITH points AS (
                SELECT least(d + @step::interval, @now) AS at
                FROM generate_series(date_trunc(@unit, greatest(@first, @now - @step::interval * 24)), @now, @step::interval) AS d
            )
            SELECT p.at AS At, count(r.id)::int AS Count
            FROM points p
            LEFT JOIN sourcing.resource r
              ON r.kind = 'vm' AND r.first_seen_at <= p.at AND (r.removed_at IS NULL OR r.removed_at > p.at)
            GROUP BY p.at ORDER BY p.at
            """,
            new { first = first.Value, now, unit = daily ? "day" : "month", step = daily ? "1 day" : "1 month" },
            cancellationToken: cancellationToken));
        return points.AsList();
    }

    /// <summary>The latest scan of each source, and how many scans failed in the last 7 days.</summary>
    public async Task<IReadOnlyList<SourceHealth>> ScanHealthAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<SourceHealth>(new CommandDefinition(
            """
            SELECT s.id AS SourceId, s.name AS SourceName, s.kind AS SourceKind, s.enabled,
                   l.id AS LastScanId, l.status AS LastStatus, l.started_at AS LastStartedAt, l.finished_at AS LastFinishedAt,
                   (SELECT count(*) FROM sourcing.scan f
                     WHERE f.source_id = s.id AND f.status = 'failed' AND f.started_at > @since)::int AS FailedLastWeek
            FROM sourcing.source s
            LEFT JOIN LATERAL (
                SELECT id, status, started_at, finished_at FROM sourcing.scan
                WHERE source_id = s.id ORDER BY started_at DESC, id DESC LIMIT 1) l ON true
            ORDER BY s.name
            """, new { since = time.GetUtcNow().UtcDateTime.AddDays(-7) }, cancellationToken: cancellationToken));
        return rows.AsList();
    }
}

public sealed record EstateSummary
{
    public int Vms { get; init; }
    public int VmsOn { get; init; }
    public int Hosts { get; init; }
    public int CloudResources { get; init; }
    public long VCpus { get; init; }
    public decimal MemoryGib { get; init; }
    public decimal StorageTib { get; init; }
    public int Windows { get; init; }
    public int Linux { get; init; }
}

public sealed record TrendPoint
{
    public DateTime At { get; init; }
    public int Count { get; init; }
}

public sealed record SourceHealth
{
    public long SourceId { get; init; }
    public string SourceName { get; init; } = "";
    public string SourceKind { get; init; } = "";
    public bool Enabled { get; init; }
    public long? LastScanId { get; init; }
    public string? LastStatus { get; init; }
    public DateTime? LastStartedAt { get; init; }
    public DateTime? LastFinishedAt { get; init; }
    public int FailedLastWeek { get; init; }
}
