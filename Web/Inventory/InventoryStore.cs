using System.Text;
using Dapper;
using Npgsql;

namespace Sourcing.Web.Inventory;

/// <summary>
/// Reads the current inventory (resources not removed) for the inventory pages: one filtered,
/// sorted page plus the total, the filter choices, CSV rows and one resource with its history.
/// Filters become SQL conditions only when set, so PostgreSQL can use the partial indexes of 0007.
/// </summary>
public sealed class InventoryStore(NpgsqlDataSource dataSource)
{
    public async Task<InventoryPage> PageAsync(InventoryQuery query, CancellationToken cancellationToken)
    {
        var (where, parameters) = Where(query);
        parameters.Add("limit", query.PageSize);
        parameters.Add("offset", (query.PageNumber - 1) * query.PageSize);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var total = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            $"SELECT count(*) FROM sourcing.resource r WHERE {where}", parameters, cancellationToken: cancellationToken));
        var rows = await connection.QueryAsync<InventoryRow>(new CommandDefinition(
            $"{SelectSql} WHERE {where} ORDER BY {OrderBy(query)} LIMIT @limit OFFSET @offset",
            parameters, cancellationToken: cancellationToken));
        return new InventoryPage(rows.AsList(), total);
    }

    /// <summary>All rows of the filter in the page's order, streamed (for CSV export).</summary>
    public async IAsyncEnumerable<InventoryRow> AllAsync(
        InventoryQuery query, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var (where, parameters) = Where(query);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = connection.QueryUnbufferedAsync<InventoryRow>($"{SelectSql} WHERE {where} ORDER BY {OrderBy(query)}", parameters);
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            yield return row;
        }
    }

    /// <summary>The values each filter can take, from the current inventory, in one scan.</summary>
    public async Task<InventoryFacets> FacetsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = (await connection.QueryAsync<(string Facet, string Value)>(new CommandDefinition(
            """
            SELECT CASE WHEN GROUPING(kind) = 0 THEN 'kind' WHEN GROUPING(cluster) = 0 THEN 'cluster'
                        WHEN GROUPING(power_state) = 0 THEN 'power' WHEN GROUPING(os_family) = 0 THEN 'os'
                        WHEN GROUPING(subscription_id) = 0 THEN 'subscription' WHEN GROUPING(resource_group) = 0 THEN 'group'
                        WHEN GROUPING(resource_type) = 0 THEN 'type' ELSE 'location' END AS facet,
                   COALESCE(kind, cluster, power_state, os_family, subscription_id, resource_group, resource_type, location) AS value
            FROM sourcing.resource
            WHERE removed_at IS NULL
            GROUP BY GROUPING SETS ((kind), (cluster), (power_state), (os_family), (subscription_id), (resource_group), (resource_type), (location))
            HAVING COALESCE(kind, cluster, power_state, os_family, subscription_id, resource_group, resource_type, location) IS NOT NULL
            """, cancellationToken: cancellationToken))).AsList();
        var sources = (await connection.QueryAsync<(long Id, string Name)>(new CommandDefinition(
            "SELECT id, name FROM sourcing.source ORDER BY name", cancellationToken: cancellationToken))).AsList();

        IReadOnlyList<string> Of(string facet) =>
            rows.Where(r => r.Facet == facet).Select(r => r.Value).Order(StringComparer.CurrentCultureIgnoreCase).ToList();

        return new InventoryFacets(sources, Of("kind"), Of("cluster"), Of("power"), Of("os"), Of("subscription"), Of("group"), Of("location"), Of("type"));
    }

    public async Task<ResourceDetail?> DetailAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ResourceDetail>(new CommandDefinition(
            """
            SELECT r.id, s.name AS SourceName, s.kind AS SourceKind, r.external_id AS ExternalId, r.kind, r.name, r.datacenter,
                   r.cluster, r.host, r.folder_path AS FolderPath, r.subscription_id AS SubscriptionId,
                   r.resource_group AS ResourceGroup, r.resource_type AS ResourceType, r.location, r.power_state AS PowerState,
                   r.guest_os AS GuestOs, r.os_family AS OsFamily, r.os_version AS OsVersion, r.cpu_count AS CpuCount,
                   r.memory_mib AS MemoryMib, r.storage_gib AS StorageGib, r.tags::text AS TagsJson,
                   r.attributes::text AS AttributesJson, r.first_seen_at AS FirstSeenAt, r.last_seen_at AS LastSeenAt,
                   r.removed_at AS RemovedAt
            FROM sourcing.resource r JOIN sourcing.source s ON s.id = r.source_id
            WHERE r.id = @id
            """, new { id }, cancellationToken: cancellationToken));
        if (row is null)
        {
            return null;
        }

        var history = await connection.QueryAsync<HistoryRow>(new CommandDefinition(
            """
            SELECT id, scan_id AS ScanId, at, change, fields::text AS FieldsJson
            FROM sourcing.resource_history WHERE resource_id = @id ORDER BY at DESC, id DESC LIMIT 200
            """, new { id }, cancellationToken: cancellationToken));
        return row with { History = history.AsList() };
    }

    private const string SelectSql =
        """
        SELECT r.id, s.name AS SourceName, r.kind, r.name, r.cluster, r.host, r.subscription_id AS SubscriptionId,
               r.resource_group AS ResourceGroup, r.location, r.power_state AS PowerState, r.guest_os AS GuestOs,
               r.os_family AS OsFamily, r.cpu_count AS CpuCount, r.memory_mib AS MemoryMib, r.storage_gib AS StorageGib,
               r.first_seen_at AS FirstSeenAt, r.last_seen_at AS LastSeenAt
        FROM sourcing.resource r JOIN sourcing.source s ON s.id = r.source_id
        """;

    // Whitelisted ORDER BY fragments: the URL picks a key, never SQL.
    private static string OrderBy(InventoryQuery query)
    {
        var column = query.SortKey switch
        {
            "source" => "s.name",
            "kind" => "r.kind",
            "cluster" => "r.cluster",
            "power" => "r.power_state",
            "os" => "r.guest_os",
            "cpu" => "r.cpu_count",
            "memory" => "r.memory_mib",
            "storage" => "r.storage_gib",
            "seen" => "r.first_seen_at",
            _ => "lower(r.name)",
        };
        var direction = query.Descending ? "DESC NULLS LAST" : "ASC NULLS LAST";
        return column == "lower(r.name)" ? $"lower(r.name) {direction}, r.id" : $"{column} {direction}, lower(r.name), r.id";
    }

    private static (string Where, DynamicParameters Parameters) Where(InventoryQuery query)
    {
        var sql = new StringBuilder("r.removed_at IS NULL");
        var parameters = new DynamicParameters();

        void Equal(string column, string name, object? value)
        {
            if (value is null || value is string { Length: 0 })
            {
                return;
            }

            sql.Append(System.Globalization.CultureInfo.InvariantCulture, $" AND {column} = @{name}");
            parameters.Add(name, value);
        }

        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            // Substring search on the trigram index; LIKE wildcards in the text are taken literally.
            sql.Append(" AND lower(r.name) LIKE @q ESCAPE '\\'");
            var escaped = query.Q.Trim().ToLowerInvariant().Replace("\\", "\\\\", StringComparison.Ordinal)
                .Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
            parameters.Add("q", "%" + escaped + "%");
        }

        Equal("r.source_id", "source", query.Source);
        Equal("r.kind", "kind", query.EffectiveKind);
        Equal("r.cluster", "cluster", query.Cluster);
        Equal("r.power_state", "power", query.Power);
        Equal("r.os_family", "os", query.Os);
        Equal("r.subscription_id", "subscription", query.Subscription);
        Equal("r.resource_group", "rg", query.Group);
        Equal("r.location", "location", query.Location);
        Equal("r.resource_type", "type", query.Type);
        return (sql.ToString(), parameters);
    }
}

public sealed record InventoryPage(IReadOnlyList<InventoryRow> Rows, int Total);

public sealed record InventoryFacets(
    IReadOnlyList<(long Id, string Name)> Sources,
    IReadOnlyList<string> Kinds,
    IReadOnlyList<string> Clusters,
    IReadOnlyList<string> PowerStates,
    IReadOnlyList<string> OsFamilies,
    IReadOnlyList<string> Subscriptions,
    IReadOnlyList<string> ResourceGroups,
    IReadOnlyList<string> Locations,
    IReadOnlyList<string> ResourceTypes);

public sealed record InventoryRow
{
    public long Id { get; init; }
    public string SourceName { get; init; } = "";
    public string Kind { get; init; } = "";
    public string Name { get; init; } = "";
    public string? Cluster { get; init; }
    public string? Host { get; init; }
    public string? SubscriptionId { get; init; }
    public string? ResourceGroup { get; init; }
    public string? Location { get; init; }
    public string? PowerState { get; init; }
    public string? GuestOs { get; init; }
    public string? OsFamily { get; init; }
    public int? CpuCount { get; init; }
    public long? MemoryMib { get; init; }
    public decimal? StorageGib { get; init; }
    public DateTime FirstSeenAt { get; init; }
    public DateTime LastSeenAt { get; init; }
}

public sealed record ResourceDetail
{
    public long Id { get; init; }
    public string SourceName { get; init; } = "";
    public string SourceKind { get; init; } = "";
    public string ExternalId { get; init; } = "";
    public string Kind { get; init; } = "";
    public string Name { get; init; } = "";
    public string? Datacenter { get; init; }
    public string? Cluster { get; init; }
    public string? Host { get; init; }
    public string? FolderPath { get; init; }
    public string? SubscriptionId { get; init; }
    public string? ResourceGroup { get; init; }
    public string? ResourceType { get; init; }
    public string? Location { get; init; }
    public string? PowerState { get; init; }
    public string? GuestOs { get; init; }
    public string? OsFamily { get; init; }
    public string? OsVersion { get; init; }
    public int? CpuCount { get; init; }
    public long? MemoryMib { get; init; }
    public decimal? StorageGib { get; init; }
    public string TagsJson { get; init; } = "{}";
    public string AttributesJson { get; init; } = "{}";
    public DateTime FirstSeenAt { get; init; }
    public DateTime LastSeenAt { get; init; }
    public DateTime? RemovedAt { get; init; }
    public IReadOnlyList<HistoryRow> History { get; init; } = [];
}

public sealed record HistoryRow
{
    public long Id { get; init; }
    public long? ScanId { get; init; }
    public DateTime At { get; init; }
    public string Change { get; init; } = "";
    public string FieldsJson { get; init; } = "[]";
}
