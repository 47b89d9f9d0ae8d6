using Dapper;
using Npgsql;

namespace Sourcing.Collector.Planning;

/// <summary>
/// The version of everything the forecast reads (migration 0090): the number of committed transactions
/// that wrote a planning input table. A result cached under a version read before its inputs were
/// loaded is never stale: any later commit raises the version. Read in one statement (one snapshot).
/// </summary>
public sealed class PlanningInputVersion(NpgsqlDataSource dataSource, TimeProvider time)
{
    /// <summary>Tables of schema sourcing that carry no trigger: not read by the forecast, or changing often (same list as migration 0090).</summary>
    public static readonly IReadOnlySet<string> NotInputs = new HashSet<string>(StringComparer.Ordinal)
    {
        "app_session", "app_user", "scan", "scan_lease", "scan_staging", "resource_history",
        "schema_version", "planning_input_change", "planning_input_pruned",
    };

    /// <summary>Change rows kept this long before pruning folds them into the count.</summary>
    public static readonly TimeSpan KeepFor = TimeSpan.FromDays(1);

    public async Task<long> CurrentAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleAsync<long>(new CommandDefinition(
            """
            SELECT (SELECT count(*) FROM sourcing.planning_input_change)
                 + (SELECT pruned FROM sourcing.planning_input_pruned WHERE id = 1)
            """, cancellationToken: cancellationToken));
    }

    /// <summary>Folds change rows older than <see cref="KeepFor"/> into the pruned count; the version stays the same. Returns the rows folded.</summary>
    public async Task<long> PruneAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleAsync<long>(new CommandDefinition(
            """
            WITH folded AS (
                DELETE FROM sourcing.planning_input_change WHERE changed_at < @before RETURNING 1
            ), n AS (SELECT count(*) AS n FROM folded)
            UPDATE sourcing.planning_input_pruned SET pruned = pruned + n.n FROM n WHERE id = 1
            RETURNING n.n
            """, new { before = time.GetUtcNow() - KeepFor }, cancellationToken: cancellationToken));
    }
}
