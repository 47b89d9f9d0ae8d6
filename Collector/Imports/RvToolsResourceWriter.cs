using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dapper;
using Npgsql;
using Sourcing.Collector.Inventory;

namespace Sourcing.Collector.Imports;

/// <summary>
/// Writes a file import's resources to sourcing.resource with a scan row and resource_history, the way
/// a scan does: new rows added, differing rows changed, rows missing from the file marked removed.
/// A stand-in until the shared scan store (ResourceStore.ApplyScanAsync) is merged; then
/// <see cref="RvToolsImport.Persist"/> points there and this class only plans (dry run and report).
/// </summary>
public sealed class RvToolsResourceWriter(NpgsqlDataSource dataSource, TimeProvider time)
{
    private static readonly (string Field, string Column)[] Compared =
    [
        ("kind", "Typ"), ("name", "Namn"), ("datacenter", "Datacenter"), ("cluster", "Kluster"), ("host", "Värd"),
        ("folder_path", "Mapp"), ("power_state", "Ström"), ("guest_os", "OS"), ("os_family", "OS-familj"),
        ("os_version", "OS-version"), ("cpu_count", "vCPU"), ("memory_mib", "Minne (MiB)"), ("storage_gib", "Lagring (GiB)"),
        ("attributes", "Attribut"),
    ];

    public async Task ApplyAsync(long sourceId, CollectResult result, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var plan = await PlanAsync(connection, transaction, sourceId, result.Resources, cancellationToken);
        var scanId = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO sourcing.scan (source_id, started_at, finished_at, status, trigger, progress_done, progress_total,
                added, changed, removed, unchanged, skipped)
            VALUES (@sourceId, @now, @now, 'succeeded', 'import', @total, @total, @added, @changed, @removed, @unchanged, @skipped)
            RETURNING id
            """, new
            {
                sourceId, now, total = result.Resources.Count, added = plan.Added.Count, changed = plan.Changed.Count,
                removed = plan.Removed.Count, unchanged = plan.Unchanged, skipped = result.Skipped,
            }, transaction, cancellationToken: cancellationToken));

        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO sourcing.resource (source_id, external_id, kind, name, datacenter, cluster, host, folder_path,
                subscription_id, resource_group, resource_type, location, power_state, guest_os, os_family, os_version,
                cpu_count, memory_mib, storage_gib, tags, attributes, raw, content_hash, first_seen_at, last_seen_at, last_scan_id)
            VALUES (@SourceId, @ExternalId, @Kind, @Name, @Datacenter, @Cluster, @Host, @FolderPath,
                @SubscriptionId, @ResourceGroup, @ResourceType, @Location, @PowerState, @GuestOs, @OsFamily, @OsVersion,
                @CpuCount, @MemoryMib, @StorageGib, @Tags::jsonb, @Attributes::jsonb, @Raw::jsonb, @Hash, @Now, @Now, @ScanId)
            ON CONFLICT (source_id, external_id) DO UPDATE SET kind = excluded.kind, name = excluded.name,
                datacenter = excluded.datacenter, cluster = excluded.cluster, host = excluded.host, folder_path = excluded.folder_path,
                power_state = excluded.power_state, guest_os = excluded.guest_os, os_family = excluded.os_family,
                os_version = excluded.os_version, cpu_count = excluded.cpu_count, memory_mib = excluded.memory_mib,
                storage_gib = excluded.storage_gib, tags = excluded.tags, attributes = excluded.attributes, raw = excluded.raw,
                content_hash = excluded.content_hash, last_seen_at = excluded.last_seen_at, last_scan_id = excluded.last_scan_id,
                removed_at = NULL, removed_scan_id = NULL
            """,
            result.Resources.Select(r => new
            {
                SourceId = sourceId, r.ExternalId, r.Kind, r.Name, r.Datacenter, r.Cluster, r.Host, r.FolderPath,
                r.SubscriptionId, r.ResourceGroup, r.ResourceType, r.Location, r.PowerState, r.GuestOs, r.OsFamily, r.OsVersion,
                r.CpuCount, r.MemoryMib, r.StorageGib,
                Tags = JsonSerializer.Serialize(r.Tags), Attributes = r.Attributes.ToJsonString(), Raw = r.Raw?.ToJsonString(),
                Hash = ContentHash(r), Now = now, ScanId = scanId,
            }).ToList(), transaction, cancellationToken: cancellationToken));

        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE sourcing.resource SET removed_at = @now, removed_scan_id = @scanId
            WHERE source_id = @sourceId AND removed_at IS NULL AND external_id = ANY(@removed)
            """, new { now, scanId, sourceId, removed = plan.Removed.ToArray() }, transaction, cancellationToken: cancellationToken));

        var history = plan.Added.Select(a => (a.ExternalId, Change: "added", Fields: "[]"))
            .Concat(plan.Changed.Select(c => (c.ExternalId, Change: "changed",
                Fields: JsonSerializer.Serialize(c.Fields.Select(f => new { field = f.Attribute, old = f.Old, @new = f.New })))))
            .Concat(plan.Restored.Select(id => (ExternalId: id, Change: "restored", Fields: "[]")))
            .Concat(plan.Removed.Select(id => (ExternalId: id, Change: "removed", Fields: "[]")))
            .Select(h => new { sourceId, h.ExternalId, scanId, now, h.Change, h.Fields })
            .ToList();
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO sourcing.resource_history (resource_id, scan_id, at, change, fields)
            SELECT id, @scanId, @now, @Change, @Fields::jsonb FROM sourcing.resource WHERE source_id = @sourceId AND external_id = @ExternalId
            """, history, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Compares records with the source's stored resources.</summary>
    internal static async Task<ResourcePlan> PlanAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, long sourceId, IReadOnlyList<ResourceRecord> records, CancellationToken cancellationToken)
    {
        var stored = new Dictionary<string, (Dictionary<string, string?> Values, bool Removed)>(StringComparer.Ordinal);
        await using (var command = new NpgsqlCommand(
            """
            SELECT external_id, kind, name, datacenter, cluster, host, folder_path, power_state, guest_os, os_family, os_version,
                   cpu_count::text AS cpu_count, memory_mib::text AS memory_mib, storage_gib::text AS storage_gib,
                   attributes::text AS attributes, removed_at IS NOT NULL AS removed
            FROM sourcing.resource WHERE source_id = @sourceId
            """, connection, transaction))
        {
            command.Parameters.AddWithValue("sourceId", sourceId);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var values = new Dictionary<string, string?>(StringComparer.Ordinal);
                for (var i = 1; i < reader.FieldCount - 1; i++)
                {
                    values[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetString(i);
                }

                stored[reader.GetString(0)] = (values, reader.GetBoolean(reader.FieldCount - 1));
            }
        }

        var added = new List<ResourceRecord>();
        var changed = new List<ResourceChange>();
        var restored = new List<string>();
        var unchanged = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            seen.Add(record.ExternalId);
            if (!stored.TryGetValue(record.ExternalId, out var row))
            {
                added.Add(record);
                continue;
            }

            var current = Values(record);
            var fields = Compared
                .Where(c => c.Field == "attributes"
                    ? !JsonNode.DeepEquals(JsonNode.Parse(row.Values["attributes"] ?? "{}"), JsonNode.Parse(current["attributes"]!))
                    : !string.Equals(row.Values[c.Field], current[c.Field], StringComparison.Ordinal))
                .Select(c => new FieldChange(c.Field, c.Column, row.Values[c.Field], current[c.Field] ?? "–"))
                .ToList();
            if (row.Removed)
            {
                restored.Add(record.ExternalId);
            }

            if (fields.Count > 0)
            {
                changed.Add(new ResourceChange(record.ExternalId, record.Name, fields));
            }
            else if (!row.Removed)
            {
                unchanged++;
            }
        }

        var removed = stored.Where(s => !s.Value.Removed && !seen.Contains(s.Key)).Select(s => s.Key).Order(StringComparer.Ordinal).ToList();
        return new ResourcePlan(added, changed, removed, restored, unchanged);
    }

    private static Dictionary<string, string?> Values(ResourceRecord r) => new(StringComparer.Ordinal)
    {
        ["kind"] = r.Kind,
        ["name"] = r.Name,
        ["datacenter"] = r.Datacenter,
        ["cluster"] = r.Cluster,
        ["host"] = r.Host,
        ["folder_path"] = r.FolderPath,
        ["power_state"] = r.PowerState,
        ["guest_os"] = r.GuestOs,
        ["os_family"] = r.OsFamily,
        ["os_version"] = r.OsVersion,
        ["cpu_count"] = r.CpuCount?.ToString(CultureInfo.InvariantCulture),
        ["memory_mib"] = r.MemoryMib?.ToString(CultureInfo.InvariantCulture),
        // numeric(14, 2) prints two decimals.
        ["storage_gib"] = r.StorageGib?.ToString("0.00", CultureInfo.InvariantCulture),
        ["attributes"] = r.Attributes.ToJsonString(),
    };

    private static string ContentHash(ResourceRecord record)
    {
        var text = JsonSerializer.Serialize(Values(record)) + JsonSerializer.Serialize(record.Tags);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
