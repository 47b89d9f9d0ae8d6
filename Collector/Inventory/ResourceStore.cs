using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace Sourcing.Collector.Inventory;

/// <summary>
/// Writes one scan's resources into sourcing.resource with history, in one transaction:
/// binary COPY into a temporary table, then set-based SQL for added, changed, restored and
/// (only for a complete scan) removed resources. Unchanged resources are not written at all,
/// so re-storing an unchanged estate costs the COPY and one comparison.
/// </summary>
public sealed class ResourceStore(NpgsqlDataSource dataSource)
{
    public async Task<ApplyResult> ApplyScanAsync(
        long sourceId, long? scanId, IReadOnlyList<ResourceRecord> resources, bool complete, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var duplicate = resources.GroupBy(r => r.ExternalId, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Resursen {duplicate.Key} rapporterades {duplicate.Count()} gånger i samma skanning.");
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        await using (var create = new NpgsqlCommand(
            """
            CREATE TEMP TABLE incoming (
                external_id text PRIMARY KEY, kind text, name text, datacenter text, cluster text, host text,
                folder_path text, subscription_id text, resource_group text, resource_type text, location text,
                power_state text, guest_os text, os_family text, os_version text, cpu_count int, memory_mib bigint,
                storage_gib numeric(14, 2), tags jsonb, attributes jsonb, raw jsonb, content_hash text
            ) ON COMMIT DROP
            """, connection, transaction))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY incoming FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var r in resources)
            {
                var tags = TagsJson(r.Tags);
                var attributes = r.Attributes.ToJsonString();
                var raw = r.Raw?.ToJsonString();
                await writer.StartRowAsync(cancellationToken);
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
                await writer.WriteAsync(ContentHash(r, tags, attributes, raw), NpgsqlDbType.Text, cancellationToken);
            }

            await writer.CompleteAsync(cancellationToken);
        }

        var added = await ExecuteCountAsync(connection, transaction, AddSql, sourceId, scanId, now, cancellationToken);
        var (changed, restored) = await ChangeAsync(connection, transaction, sourceId, scanId, now, cancellationToken);
        var removed = complete
            ? await ExecuteCountAsync(connection, transaction, RemoveSql, sourceId, scanId, now, cancellationToken)
            : 0;

        await transaction.CommitAsync(cancellationToken);
        return new ApplyResult(added, changed, restored, removed, resources.Count - added - changed - restored);
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

    private const string AddSql =
        """
        WITH ins AS (
            INSERT INTO sourcing.resource (source_id, external_id, kind, name, datacenter, cluster, host, folder_path,
                subscription_id, resource_group, resource_type, location, power_state, guest_os, os_family, os_version,
                cpu_count, memory_mib, storage_gib, tags, attributes, raw, content_hash, first_seen_at, last_seen_at, last_scan_id)
            SELECT @source, i.external_id, i.kind, i.name, i.datacenter, i.cluster, i.host, i.folder_path,
                i.subscription_id, i.resource_group, i.resource_type, i.location, i.power_state, i.guest_os, i.os_family,
                i.os_version, i.cpu_count, i.memory_mib, i.storage_gib, i.tags, i.attributes, i.raw, i.content_hash,
                @now, @now, @scan
            FROM incoming i
            WHERE NOT EXISTS (SELECT 1 FROM sourcing.resource r WHERE r.source_id = @source AND r.external_id = i.external_id)
            RETURNING id
        ), hist AS (
            INSERT INTO sourcing.resource_history (resource_id, scan_id, at, change)
            SELECT id, @scan, @now, 'added' FROM ins
        )
        SELECT count(*) FROM ins
        """;

    // One statement: the history CTE reads the old values from the same snapshot the UPDATE changes.
    private const string ChangeSql =
        """
        WITH pairs AS (
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
            WHERE r.content_hash <> i.content_hash OR r.removed_at IS NOT NULL
        ), hist AS (
            INSERT INTO sourcing.resource_history (resource_id, scan_id, at, change, fields)
            SELECT p.id, @scan, @now, CASE WHEN p.was_removed THEN 'restored' ELSE 'changed' END,
                   COALESCE((SELECT jsonb_agg(jsonb_build_object('field', k, 'old', p.old -> k, 'new', p.new -> k) ORDER BY k)
                             FROM jsonb_object_keys(p.new) AS k
                             WHERE (p.old -> k) IS DISTINCT FROM (p.new -> k)), '[]'::jsonb)
            FROM pairs p
            -- Only the raw vendor JSON differs (e.g. the vCenter is now read through VI/JSON): no history.
            WHERE p.was_removed OR p.old IS DISTINCT FROM p.new
        ), upd AS (
            UPDATE sourcing.resource r SET
                kind = i.kind, name = i.name, datacenter = i.datacenter, cluster = i.cluster, host = i.host,
                folder_path = i.folder_path, subscription_id = i.subscription_id, resource_group = i.resource_group,
                resource_type = i.resource_type, location = i.location, power_state = i.power_state, guest_os = i.guest_os,
                os_family = i.os_family, os_version = i.os_version, cpu_count = i.cpu_count, memory_mib = i.memory_mib,
                storage_gib = i.storage_gib, tags = i.tags, attributes = i.attributes, raw = i.raw,
                content_hash = i.content_hash, last_seen_at = @now, last_scan_id = @scan,
                removed_at = NULL, removed_scan_id = NULL
            FROM incoming i, pairs p
            WHERE r.id = p.id AND r.source_id = @source AND r.external_id = i.external_id
            RETURNING p.was_removed, p.old IS DISTINCT FROM p.new AS differs
        )
        SELECT count(*) FILTER (WHERE NOT was_removed AND differs)::int, count(*) FILTER (WHERE was_removed)::int FROM upd
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
