using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using NpgsqlTypes;
using Sourcing.Collector.Scans;

namespace Sourcing.Collector.Inventory;

/// <summary>
/// Writes one scan's resources into sourcing.resource with history, in one transaction:
/// binary COPY into a temporary table, then set-based SQL for added, changed, restored and
/// (only for a complete scan) removed resources. Unchanged resources are not written at all,
/// so re-storing an unchanged estate costs the COPY and one comparison.
/// </summary>
public sealed class ResourceStore(NpgsqlDataSource dataSource, ILogger<ResourceStore>? logger = null)
{
    /// <summary>
    /// A scan that wrote at least this many rows, and at least a tenth of what it read, refreshes the table's
    /// statistics after it commits (<see cref="RefreshStatisticsAsync"/>). A night with a few changes leaves it to autovacuum.
    /// </summary>
    public const int StatisticsRefreshMinRows = 500;

    private readonly ILogger _logger = logger ?? NullLogger<ResourceStore>.Instance;

    /// <summary>
    /// Stores one scan. With a lease (the scan's lease on the source) the lease is checked, and its row locked, just
    /// before commit, so a scan that lost its lease stores nothing (<see cref="ScanLeaseLostException"/>); imports pass none.
    /// </summary>
    public async Task<ApplyResult> ApplyScanAsync(
        long sourceId, long? scanId, IReadOnlyList<ResourceRecord> resources, bool complete, DateTimeOffset now,
        CancellationToken cancellationToken, ScanLease? lease = null)
    {
        var duplicate = resources.GroupBy(r => r.ExternalId, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw DuplicateReported(duplicate.Key, duplicate.Count());
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await CreateIncomingAsync(connection, transaction, cancellationToken);
        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY incoming FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var r in resources)
            {
                await writer.StartRowAsync(cancellationToken);
                await WriteRowAsync(writer, r, cancellationToken);
            }

            await writer.CompleteAsync(cancellationToken);
        }

        var result = await ApplyIncomingAsync(
            connection, transaction, sourceId, scanId, resources.Count, resources.Any(r => r.Unread.Count > 0), complete, now, lease,
            cancellationToken);
        await RefreshStatisticsAsync(connection, result, resources.Count);
        return result;
    }

    /// <summary>
    /// Stores one scan whose resources a <see cref="ScanStagingSink"/> wrote to sourcing.scan_staging while it ran: the same
    /// one transaction as <see cref="ApplyScanAsync"/> (nothing of the inventory changes until it commits, the lease is
    /// checked just before), reading the staged rows instead of a list in memory, and deleting them in that transaction.
    /// Refuses when fewer (or more) rows are staged than the sink wrote: a PostgreSQL crash empties the unlogged staging
    /// table, and a complete scan with rows missing would mark their resources removed.
    /// </summary>
    public async Task<ApplyResult> ApplyStagedAsync(
        long sourceId, long scanId, ScanStagingSink staged, bool complete, DateTimeOffset now, CancellationToken cancellationToken,
        ScanLease? lease = null)
    {
        ArgumentNullException.ThrowIfNull(staged);
        await staged.FlushAsync(cancellationToken);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var duplicates = new NpgsqlCommand(
            """
            SELECT external_id, count(*)::int FROM sourcing.scan_staging WHERE scan_id = @scan
            GROUP BY external_id HAVING count(*) > 1 LIMIT 1
            """, connection, transaction))
        {
            duplicates.Parameters.AddWithValue("scan", scanId);
            await using var reader = await duplicates.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                throw DuplicateReported(reader.GetString(0), reader.GetInt32(1));
            }
        }

        await CreateIncomingAsync(connection, transaction, cancellationToken);
        int loaded;
        await using (var load = new NpgsqlCommand(
            $"INSERT INTO incoming ({StagedColumns}) SELECT {StagedColumns} FROM sourcing.scan_staging WHERE scan_id = @scan",
            connection, transaction))
        {
            load.Parameters.AddWithValue("scan", scanId);
            loaded = await load.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var clear = new NpgsqlCommand("DELETE FROM sourcing.scan_staging WHERE scan_id = @scan", connection, transaction))
        {
            clear.Parameters.AddWithValue("scan", scanId);
            await clear.ExecuteNonQueryAsync(cancellationToken);
        }

        if (loaded != staged.Count)
        {
            throw new InvalidOperationException(
                $"Skanningen skrev {staged.Count} resurser men {loaded} fanns kvar att lagra; inget lagrades.");
        }

        var result = await ApplyIncomingAsync(
            connection, transaction, sourceId, scanId, staged.Count, staged.AnyUnread, complete, now, lease, cancellationToken);
        await RefreshStatisticsAsync(connection, result, staged.Count);
        return result;
    }

    /// <summary>
    /// After a scan that rewrote much of the inventory (a source's first scan, a large import), VACUUM (ANALYZE) on
    /// sourcing.resource at once, as PostgreSQL's "Populating a Database" advises after a bulk load, instead of whenever
    /// autovacuum next wakes. Until then the planner takes a never-analysed table for a couple of rows and every
    /// index-only count reads the heap: measured with 50,000 VMs just stored, the inventory's first page took 142 ms and
    /// its count 219 ms; afterwards 5 ms and 4 ms, and the mapping and analysis that follow a scan plan on true figures.
    /// The scan has committed by then: a refresh that fails or finds the table busy (SKIP_LOCKED: autovacuum or another
    /// source's scan is at it) is logged and changes nothing of the result.
    /// </summary>
    private async Task RefreshStatisticsAsync(NpgsqlConnection connection, ApplyResult result, int read)
    {
        var written = result.Added + result.Changed + result.Restored + result.Removed;
        if (written < StatisticsRefreshMinRows || written < read / 10)
        {
            return;
        }

        try
        {
            await using var vacuum = new NpgsqlCommand("VACUUM (ANALYZE, SKIP_LOCKED) sourcing.resource", connection);
            vacuum.CommandTimeout = 600;
            // Not the scan's token: the inventory is stored, and a cancelled refresh must not make the scan look failed.
            await vacuum.ExecuteNonQueryAsync(CancellationToken.None);
        }
        catch (NpgsqlException ex)
        {
            _logger.LogWarning(ex, "Statistics of sourcing.resource not refreshed after {Written} rows written; autovacuum will do it", written);
        }
    }

    private const string StagedColumns =
        "external_id, kind, name, datacenter, cluster, host, folder_path, subscription_id, resource_group, resource_type, location, "
        + "power_state, guest_os, os_family, os_version, cpu_count, memory_mib, storage_gib, tags, attributes, raw, content_hash, unread";

    private static InvalidOperationException DuplicateReported(string externalId, int count) =>
        new($"Resursen {externalId} rapporterades {count} gånger i samma skanning.");

    private static async Task CreateIncomingAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var create = new NpgsqlCommand(
            """
            CREATE TEMP TABLE incoming (
                external_id text PRIMARY KEY, kind text, name text, datacenter text, cluster text, host text,
                folder_path text, subscription_id text, resource_group text, resource_type text, location text,
                power_state text, guest_os text, os_family text, os_version text, cpu_count int, memory_mib bigint,
                storage_gib numeric(14, 2), tags jsonb, attributes jsonb, raw jsonb, content_hash text, unread text[]
            ) ON COMMIT DROP
            """, connection, transaction);
        await create.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<ApplyResult> ApplyIncomingAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, long sourceId, long? scanId, int count, bool anyUnread,
        bool complete, DateTimeOffset now, ScanLease? lease, CancellationToken cancellationToken)
    {
        if (anyUnread)
        {
            await ExecuteCountAsync(connection, transaction, MergeUnreadSql, sourceId, scanId, now, cancellationToken);
        }

        var added = await ExecuteCountAsync(connection, transaction, AddSql, sourceId, scanId, now, cancellationToken);
        var (changed, restored) = await ChangeAsync(connection, transaction, sourceId, scanId, now, cancellationToken);
        var removed = complete
            ? await ExecuteCountAsync(connection, transaction, RemoveSql, sourceId, scanId, now, cancellationToken)
            : 0;

        if (lease is not null)
        {
            await ScanLeaseStore.FenceAsync(connection, transaction, lease, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return new ApplyResult(added, changed, restored, removed, count - added - changed - restored);
    }

    /// <summary>One resource's columns in the order of <c>incoming</c> (and of sourcing.scan_staging after its scan_id).</summary>
    internal static async Task WriteRowAsync(NpgsqlBinaryImporter writer, ResourceRecord r, CancellationToken cancellationToken)
    {
        var tags = TagsJson(r.Tags);
        var attributes = r.Attributes.ToJsonString();
        var raw = r.Raw?.ToJsonString();
        await writer.WriteAsync(r.ExternalId, NpgsqlDbType.Text, cancellationToken);
        await writer.WriteAsync(r.Kind, NpgsqlDbType.Text, cancellationToken);
        await writer.WriteAsync(r.Name, NpgsqlDbType.Text, cancellationToken);
        await WriteNullableAsync(writer, r.Datacenter, cancellationToken);
        await WriteNullableAsync(writer, r.Cluster, cancellationToken);
        await WriteNullableAsync(writer, r.Host, cancellationToken);
        await WriteNullableAsync(writer, r.FolderPath, cancellationToken);
        await WriteNullableAsync(writer, r.SubscriptionId, cancellationToken);
        await WriteNullableAsync(writer, r.ResourceGroup, cancellationToken);
        await WriteNullableAsync(writer, r.ResourceType, cancellationToken);
        await WriteNullableAsync(writer, r.Location, cancellationToken);
        await WriteNullableAsync(writer, r.PowerState, cancellationToken);
        await WriteNullableAsync(writer, r.GuestOs, cancellationToken);
        await WriteNullableAsync(writer, r.OsFamily, cancellationToken);
        await WriteNullableAsync(writer, r.OsVersion, cancellationToken);
        if (r.CpuCount is { } cpu) { await writer.WriteAsync(cpu, NpgsqlDbType.Integer, cancellationToken); } else { await writer.WriteNullAsync(cancellationToken); }
        if (r.MemoryMib is { } mem) { await writer.WriteAsync(mem, NpgsqlDbType.Bigint, cancellationToken); } else { await writer.WriteNullAsync(cancellationToken); }
        if (r.StorageGib is { } gib) { await writer.WriteAsync(Math.Round(gib, 2), NpgsqlDbType.Numeric, cancellationToken); } else { await writer.WriteNullAsync(cancellationToken); }
        await writer.WriteAsync(tags, NpgsqlDbType.Jsonb, cancellationToken);
        await writer.WriteAsync(attributes, NpgsqlDbType.Jsonb, cancellationToken);
        if (raw is null) { await writer.WriteNullAsync(cancellationToken); } else { await writer.WriteAsync(raw, NpgsqlDbType.Jsonb, cancellationToken); }
        // A stale record's hash matches nothing, so it is always merged and compared field by field.
        await writer.WriteAsync(r.Unread.Count > 0 ? StaleHash : ContentHash(r, tags, attributes, raw), NpgsqlDbType.Text, cancellationToken);
        await writer.WriteAsync(r.Unread.Order(StringComparer.Ordinal).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken);
    }

    private static async Task WriteNullableAsync(NpgsqlBinaryImporter writer, string? value, CancellationToken cancellationToken)
    {
        if (value is null)
        {
            await writer.WriteNullAsync(cancellationToken);
        }
        else
        {
            await writer.WriteAsync(value, NpgsqlDbType.Text, cancellationToken);
        }
    }

    private static string TagsJson(IReadOnlyDictionary<string, string> tags)
    {
        var sorted = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in tags)
        {
            sorted[key] = value;
        }

        return JsonSerializer.Serialize(sorted);
    }

    /// <summary>A hash over everything stored, so that an unchanged resource is recognised without comparing columns.</summary>
    internal static string ContentHash(ResourceRecord r, string tags, string attributes, string? raw)
    {
        var text = string.Join('\u001f',
            r.Kind, r.Name, r.Datacenter, r.Cluster, r.Host, r.FolderPath, r.SubscriptionId, r.ResourceGroup,
            r.ResourceType, r.Location, r.PowerState, r.GuestOs, r.OsFamily, r.OsVersion, r.CpuCount, r.MemoryMib,
            r.StorageGib is { } g ? Math.Round(g, 2).ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
            tags, attributes, raw);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    private static async Task<int> ExecuteCountAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, long sourceId, long? scanId,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.AddWithValue("source", sourceId);
        command.Parameters.Add(new NpgsqlParameter("scan", NpgsqlDbType.Bigint) { Value = (object?)scanId ?? DBNull.Value });
        command.Parameters.AddWithValue("now", now.UtcDateTime);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<(int Changed, int Restored)> ChangeAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, long sourceId, long? scanId, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(ChangeSql, connection, transaction);
        command.Parameters.AddWithValue("source", sourceId);
        command.Parameters.Add(new NpgsqlParameter("scan", NpgsqlDbType.Bigint) { Value = (object?)scanId ?? DBNull.Value });
        command.Parameters.AddWithValue("now", now.UtcDateTime);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetInt32(0), reader.GetInt32(1));
    }

    /// <summary>Never matches a computed hash: the row holds values kept from before and is compared in full next time.</summary>
    private const string StaleHash = "stale";

    /// <summary>
    /// Merge, never degrade: every field an incoming record could not read takes the stored value, so a gap in one scan
    /// is neither stored nor recorded as a change. Attribute keys listed as "attributes.x" keep their stored value too.
    /// </summary>
    private const string MergeUnreadSql =
        """
        WITH merged AS (
            UPDATE incoming i SET
                kind = CASE WHEN 'kind' = ANY (i.unread) THEN r.kind ELSE i.kind END,
                name = CASE WHEN 'name' = ANY (i.unread) THEN r.name ELSE i.name END,
                datacenter = CASE WHEN 'datacenter' = ANY (i.unread) THEN r.datacenter ELSE i.datacenter END,
                cluster = CASE WHEN 'cluster' = ANY (i.unread) THEN r.cluster ELSE i.cluster END,
                host = CASE WHEN 'host' = ANY (i.unread) THEN r.host ELSE i.host END,
                folder_path = CASE WHEN 'folder_path' = ANY (i.unread) THEN r.folder_path ELSE i.folder_path END,
                subscription_id = CASE WHEN 'subscription_id' = ANY (i.unread) THEN r.subscription_id ELSE i.subscription_id END,
                resource_group = CASE WHEN 'resource_group' = ANY (i.unread) THEN r.resource_group ELSE i.resource_group END,
                resource_type = CASE WHEN 'resource_type' = ANY (i.unread) THEN r.resource_type ELSE i.resource_type END,
                location = CASE WHEN 'location' = ANY (i.unread) THEN r.location ELSE i.location END,
                power_state = CASE WHEN 'power_state' = ANY (i.unread) THEN r.power_state ELSE i.power_state END,
                guest_os = CASE WHEN 'guest_os' = ANY (i.unread) THEN r.guest_os ELSE i.guest_os END,
                os_family = CASE WHEN 'os_family' = ANY (i.unread) THEN r.os_family ELSE i.os_family END,
                os_version = CASE WHEN 'os_version' = ANY (i.unread) THEN r.os_version ELSE i.os_version END,
                cpu_count = CASE WHEN 'cpu_count' = ANY (i.unread) THEN r.cpu_count ELSE i.cpu_count END,
                memory_mib = CASE WHEN 'memory_mib' = ANY (i.unread) THEN r.memory_mib ELSE i.memory_mib END,
                storage_gib = CASE WHEN 'storage_gib' = ANY (i.unread) THEN r.storage_gib ELSE i.storage_gib END,
                tags = CASE WHEN 'tags' = ANY (i.unread) THEN r.tags ELSE i.tags END,
                raw = CASE WHEN 'raw' = ANY (i.unread) THEN r.raw ELSE i.raw END,
                attributes = (i.attributes - ARRAY(SELECT substr(u, 12) FROM unnest(i.unread) AS u WHERE u LIKE 'attributes.%'))
                    || COALESCE((SELECT jsonb_object_agg(substr(u, 12), r.attributes -> substr(u, 12))
                                 FROM unnest(i.unread) AS u
                                 WHERE u LIKE 'attributes.%' AND r.attributes ? substr(u, 12)), '{}'::jsonb)
            FROM sourcing.resource r
            WHERE r.source_id = @source AND r.external_id = i.external_id AND cardinality(i.unread) > 0
            RETURNING 1
        )
        SELECT count(*) FROM merged
        """;

    private const string AddSql =
        """
        WITH ins AS (
            INSERT INTO sourcing.resource (source_id, external_id, kind, name, datacenter, cluster, host, folder_path,
                subscription_id, resource_group, resource_type, location, power_state, guest_os, os_family, os_version,
                cpu_count, memory_mib, storage_gib, tags, attributes, raw, content_hash, first_seen_at, last_seen_at, last_scan_id,
                stale_fields)
            SELECT @source, i.external_id, i.kind, i.name, i.datacenter, i.cluster, i.host, i.folder_path,
                i.subscription_id, i.resource_group, i.resource_type, i.location, i.power_state, i.guest_os, i.os_family,
                i.os_version, i.cpu_count, i.memory_mib, i.storage_gib, i.tags, i.attributes, i.raw, i.content_hash,
                @now, @now, @scan, i.unread
            FROM incoming i
            WHERE NOT EXISTS (SELECT 1 FROM sourcing.resource r WHERE r.source_id = @source AND r.external_id = i.external_id)
            RETURNING id
        ), hist AS (
            INSERT INTO sourcing.resource_history (resource_id, scan_id, at, change)
            SELECT id, @scan, @now, 'added' FROM ins
        )
        SELECT count(*) FROM ins
        """;

    // One statement: the history CTE reads the old values from the same snapshot the UPDATE changes. Only real changes
    // (a field that differs, or a removed resource back) get history and count as changed; a row whose hash differs
    // only in the vendor JSON, or that is stale (values kept from before), is rewritten quietly.
    private const string ChangeSql =
        """
        WITH pairs AS (
            SELECT q.id, q.was_removed,
                   COALESCE((SELECT jsonb_agg(jsonb_build_object('field', k, 'old', q.old -> k, 'new', q.new -> k) ORDER BY k)
                             FROM jsonb_object_keys(q.new) AS k
                             WHERE (q.old -> k) IS DISTINCT FROM (q.new -> k)), '[]'::jsonb) AS fields
            FROM (
                SELECT r.id, r.removed_at IS NOT NULL AS was_removed,
                       jsonb_build_object(
                         'kind', r.kind, 'name', r.name, 'datacenter', r.datacenter, 'cluster', r.cluster, 'host', r.host,
                         'folder_path', r.folder_path, 'subscription_id', r.subscription_id, 'resource_group', r.resource_group,
                         'resource_type', r.resource_type, 'location', r.location, 'power_state', r.power_state,
                         'guest_os', r.guest_os, 'os_family', r.os_family, 'os_version', r.os_version, 'cpu_count', r.cpu_count,
                         'memory_mib', r.memory_mib, 'storage_gib', r.storage_gib, 'tags', r.tags, 'attributes', r.attributes) AS old,
                       jsonb_build_object(
                         'kind', i.kind, 'name', i.name, 'datacenter', i.datacenter, 'cluster', i.cluster, 'host', i.host,
                         'folder_path', i.folder_path, 'subscription_id', i.subscription_id, 'resource_group', i.resource_group,
                         'resource_type', i.resource_type, 'location', i.location, 'power_state', i.power_state,
                         'guest_os', i.guest_os, 'os_family', i.os_family, 'os_version', i.os_version, 'cpu_count', i.cpu_count,
                         'memory_mib', i.memory_mib, 'storage_gib', i.storage_gib, 'tags', i.tags, 'attributes', i.attributes) AS new
                FROM incoming i
                JOIN sourcing.resource r ON r.source_id = @source AND r.external_id = i.external_id
                WHERE r.content_hash <> i.content_hash OR i.content_hash = 'stale' OR r.removed_at IS NOT NULL
            ) q
        ), last_read AS (
            SELECT max(s.started_at) AS at FROM sourcing.scan s
            WHERE s.source_id = @source AND s.status IN ('succeeded', 'partial') AND s.id IS DISTINCT FROM @scan
        ), hist AS (
            INSERT INTO sourcing.resource_history (resource_id, scan_id, at, change, fields)
            SELECT p.id, @scan, @now, CASE WHEN p.was_removed THEN 'restored' ELSE 'changed' END, p.fields
            FROM pairs p
            WHERE p.was_removed OR jsonb_array_length(p.fields) > 0
        ), upd AS (
            UPDATE sourcing.resource r SET
                kind = i.kind, name = i.name, datacenter = i.datacenter, cluster = i.cluster, host = i.host,
                folder_path = i.folder_path, subscription_id = i.subscription_id, resource_group = i.resource_group,
                resource_type = i.resource_type, location = i.location, power_state = i.power_state, guest_os = i.guest_os,
                os_family = i.os_family, os_version = i.os_version, cpu_count = i.cpu_count, memory_mib = i.memory_mib,
                storage_gib = i.storage_gib, tags = i.tags, attributes = i.attributes, raw = i.raw,
                content_hash = i.content_hash, last_seen_at = @now, last_scan_id = @scan,
                removed_at = NULL, removed_scan_id = NULL,
                stale_fields = i.unread,
                fields_read_at = CASE
                    WHEN cardinality(i.unread) = 0 THEN NULL
                    WHEN cardinality(r.stale_fields) > 0 THEN r.fields_read_at
                    ELSE COALESCE((SELECT at FROM last_read), r.last_seen_at)
                END
            FROM incoming i, pairs p
            WHERE r.id = p.id AND r.source_id = @source AND r.external_id = i.external_id
            RETURNING p.was_removed, jsonb_array_length(p.fields) > 0 AS real
        )
        SELECT count(*) FILTER (WHERE NOT was_removed AND real)::int, count(*) FILTER (WHERE was_removed)::int FROM upd
        """;

    private const string RemoveSql =
        """
        WITH gone AS (
            UPDATE sourcing.resource r SET removed_at = @now, removed_scan_id = @scan
            WHERE r.source_id = @source AND r.removed_at IS NULL
              AND NOT EXISTS (SELECT 1 FROM incoming i WHERE i.external_id = r.external_id)
            RETURNING r.id
        ), hist AS (
            INSERT INTO sourcing.resource_history (resource_id, scan_id, at, change)
            SELECT id, @scan, @now, 'removed' FROM gone
        )
        SELECT count(*) FROM gone
        """;
}

/// <summary>What storing one scan did.</summary>
public sealed record ApplyResult(int Added, int Changed, int Restored, int Removed, int Unchanged);
