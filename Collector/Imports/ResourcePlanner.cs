using System.Globalization;
using System.Text.Json.Nodes;
using Npgsql;
using Sourcing.Collector.Inventory;

namespace Sourcing.Collector.Imports;

/// <summary>
/// Works out, field by field, what storing a file's resources for a source would change: what the
/// dry run and the import report show. The writing itself is ResourceStore.ApplyScanAsync's.
/// </summary>
internal static class ResourcePlanner
{
    private static readonly (string Field, string Column)[] Compared =
    [
        ("kind", "Typ"), ("name", "Namn"), ("datacenter", "Datacenter"), ("cluster", "Kluster"), ("host", "Värd"),
        ("folder_path", "Mapp"), ("power_state", "Ström"), ("guest_os", "OS"), ("os_family", "OS-familj"),
        ("os_version", "OS-version"), ("cpu_count", "vCPU"), ("memory_mib", "Minne (MiB)"), ("storage_gib", "Lagring (GiB)"),
        ("attributes", "Attribut"),
    ];

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
}
