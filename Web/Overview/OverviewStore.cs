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
    /// (at most 24), from first_seen_at and removed_at. Starts when the first VM was seen. One
    /// grouped scan gives the daily net change; the running sum is taken here, so 50,000 VMs stay cheap.
    /// </summary>
    public async Task<IReadOnlyList<TrendPoint>> VmTrendAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var deltas = (await connection.QueryAsync<(DateTime Day, int Delta)>(new CommandDefinition(
            """
            SELECT date_trunc('day', t AT TIME ZONE 'UTC') AS day, sum(d)::int AS delta
            FROM (SELECT first_seen_at AS t, 1 AS d FROM sourcing.resource WHERE kind = 'vm'
                  UNION ALL
                  SELECT removed_at, -1 FROM sourcing.resource WHERE kind = 'vm' AND removed_at IS NOT NULL) e
            GROUP BY 1 ORDER BY 1
            """, cancellationToken: cancellationToken))).AsList();
        if (deltas.Count == 0)
        {
            return [];
        }

        var now = time.GetUtcNow().UtcDateTime;
        var first = deltas[0].Day;
        var daily = (now - first).TotalDays < 60;
        var points = new List<DateTime>();
        if (daily)
        {
            for (var day = first.Date.AddDays(1); day < now; day = day.AddDays(1))
            {
                points.Add(day);
            }
        }
        else
        {
            var month = new DateTime(now.Year, now.Month, 1, 0, 0, 0, DateTimeKind.Utc);
            for (var i = 0; i < 24 && month > first; i++, month = month.AddMonths(-1))
            {
                points.Insert(0, month);
            }
        }

        points.Add(now);
        var result = new List<TrendPoint>(points.Count);
        int index = 0, count = 0;
        foreach (var at in points)
        {
            // A day's changes count from the end of that day on.
            while (index < deltas.Count && deltas[index].Day.AddDays(1) <= at)
            {
                count += deltas[index++].Delta;
            }

            result.Add(new TrendPoint { At = at, Count = at == now ? count + deltas.Skip(index).Sum(d => d.Delta) : count });
        }

        return result;
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
