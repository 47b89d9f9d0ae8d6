using System.Text.Json;
using Dapper;
using Microsoft.Extensions.Logging;
using Npgsql;
using Sourcing.Analyzer.Workloads.Mapping;

namespace Sourcing.Collector.Workloads;

/// <summary>
/// Re-applies the mapping rules to every active VM and cloud resource; run after each scan and on
/// demand (`sourcing map`). Everything is written in one transaction under an advisory lock, so two
/// runs never interleave and a failed run leaves the previous mapping intact. Safe to run twice.
/// </summary>
public sealed class MappingJob(NpgsqlDataSource dataSource, TimeProvider time, ILogger<MappingJob> logger)
{
    private const long LockKey = 0x5352_4d41_5050; // "SRMAPP"

    public async Task<MappingRunSummary> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_xact_lock(@LockKey)", new { LockKey }, transaction, cancellationToken: cancellationToken));

        var rules = await WorkloadStore.ListRulesAsync(connection, transaction, onlyEnabled: true, cancellationToken);
        var resources = await LoadResourcesAsync(connection, transaction, cancellationToken);
        var hand = (await connection.QueryAsync<long>(new CommandDefinition(
            "SELECT resource_id FROM sourcing.resource_assignment WHERE how = 'hand'", transaction: transaction, cancellationToken: cancellationToken))).ToHashSet();

        var result = new MappingEngine(rules).Apply(resources, hand);

        // Departments named by tags are created: the tags are the IT department's own record.
        var departments = result.Assignments.Select(a => a.Department).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO sourcing.department (name) SELECT unnest(@departments) ON CONFLICT ((lower(name))) DO NOTHING",
            new { departments }, transaction, cancellationToken: cancellationToken));

        var objects = result.Assignments.Where(a => a.ManagementObject is not null)
            .GroupBy(a => a.ManagementObject!, StringComparer.OrdinalIgnoreCase)
            .Select(g => (Name: g.Key, Department: g.Select(a => a.Department).FirstOrDefault(d => d is not null)))
            .ToList();
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO sourcing.management_object (name, department_id)
            SELECT o.name, (SELECT id FROM sourcing.department d WHERE lower(d.name) = lower(o.department))
            FROM unnest(@names, @departments) AS o(name, department)
            ON CONFLICT ((lower(name))) DO NOTHING
            """, new { names = objects.Select(o => o.Name).ToArray(), departments = objects.Select(o => o.Department).ToArray() },
            transaction, cancellationToken: cancellationToken));

        // One row per system: its department is the one most of its resources are tagged with.
        var systems = result.Assignments
            .GroupBy(a => a.Workload, StringComparer.OrdinalIgnoreCase)
            .Select(g => new
            {
                Name = g.First().Workload,
                RuleId = g.First().RuleId,
                Department = g.Where(a => a.Department is not null).GroupBy(a => a.Department!, StringComparer.OrdinalIgnoreCase)
                    .OrderByDescending(d => d.Count()).ThenBy(d => d.Key, StringComparer.Ordinal).Select(d => d.Key).FirstOrDefault(),
                Object = g.Select(a => a.ManagementObject).FirstOrDefault(o => o is not null),
            })
            .ToList();
        var tagOrigin = JsonSerializer.Serialize(new { origin = "tag", at = now, by = "mapping" });
        var created = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            """
            WITH ins AS (
                INSERT INTO sourcing.workload (name, created_by, created_at)
                SELECT unnest(@names), 'rule:' || unnest(@rules), @now
                ON CONFLICT ((lower(name))) DO NOTHING RETURNING 1)
            SELECT count(*)::int FROM ins
            """, new { names = systems.Select(s => s.Name).ToArray(), rules = systems.Select(s => s.RuleId.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray(), now },
            transaction, cancellationToken: cancellationToken));

        // Tags set department and object only where nobody imported or typed a value.
        foreach (var (column, attribute, values, table) in new[]
        {
            ("department_id", "department", systems.Select(s => s.Department).ToArray(), "department"),
            ("management_object_id", "management_object", systems.Select(s => s.Object).ToArray(), "management_object"),
        })
        {
            await connection.ExecuteAsync(new CommandDefinition(
                $"""
                UPDATE sourcing.workload w
                SET {column} = t.id,
                    origins = w.origins || jsonb_build_object('{attribute}', @tagOrigin::jsonb),
                    updated_at = @now
                FROM (SELECT s.name, x.id FROM unnest(@names, @values) AS s(name, value)
                      JOIN sourcing.{table} x ON lower(x.name) = lower(s.value)) t
                WHERE lower(w.name) = lower(t.name)
                  AND coalesce(w.origins -> '{attribute}' ->> 'origin', 'default') IN ('default', 'tag')
                  AND w.{column} IS DISTINCT FROM t.id
                """, new { names = systems.Select(s => s.Name).ToArray(), values, tagOrigin, now }, transaction, cancellationToken: cancellationToken));
        }

        var changed = await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO sourcing.resource_assignment (resource_id, workload_id, how, rule_id, assigned_at, assigned_by)
            SELECT a.resource_id, w.id, 'rule', a.rule_id, @now, 'mapping'
            FROM unnest(@resourceIds, @workloads, @ruleIds) AS a(resource_id, workload, rule_id)
            JOIN sourcing.workload w ON lower(w.name) = lower(a.workload)
            ON CONFLICT (resource_id) DO UPDATE SET workload_id = excluded.workload_id, rule_id = excluded.rule_id,
                assigned_at = excluded.assigned_at, assigned_by = excluded.assigned_by
            WHERE sourcing.resource_assignment.how = 'rule'
              AND (sourcing.resource_assignment.workload_id <> excluded.workload_id
                   OR sourcing.resource_assignment.rule_id IS DISTINCT FROM excluded.rule_id)
            """, new
            {
                resourceIds = result.Assignments.Select(a => a.ResourceId).ToArray(),
                workloads = result.Assignments.Select(a => a.Workload).ToArray(),
                ruleIds = result.Assignments.Select(a => a.RuleId).ToArray(),
                now,
            }, transaction, cancellationToken: cancellationToken));

        // A resource no rule matches any longer loses its rule assignment; removed resources keep theirs (history).
        changed += await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM sourcing.resource_assignment WHERE how = 'rule' AND resource_id = ANY(@unmatched)",
            new { unmatched = result.Unmatched.ToArray() }, transaction, cancellationToken: cancellationToken));

        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM sourcing.mapping_conflict", transaction: transaction, cancellationToken: cancellationToken));
        // Conflicts are few (a handful of misconfigured tags); Dapper runs the insert once per item.
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO sourcing.mapping_conflict (resource_id, rule_ids, workloads, detected_at) VALUES (@ResourceId, @RuleIds, @Workloads, @Now)",
            result.Conflicts.Select(c => new { c.ResourceId, RuleIds = c.RuleIds.ToArray(), Workloads = c.Workloads.ToArray(), Now = now }).ToList(),
            transaction, cancellationToken: cancellationToken));

        await transaction.CommitAsync(cancellationToken);
        var summary = new MappingRunSummary(result.Assignments.Count, changed, result.Unmatched.Count, result.Conflicts.Count, created, hand.Count);
        logger.LogInformation("Mapping: {Assigned} assigned ({Changed} changed), {Unmatched} unmatched, {Conflicts} conflicts, {Created} systems created, {Hand} by hand",
            summary.Assigned, summary.Changed, summary.Unmatched, summary.Conflicts, summary.WorkloadsCreated, summary.HandKept);
        return summary;
    }

    private static async Task<List<MappingResource>> LoadResourcesAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT r.id, s.kind, r.kind, r.name, r.folder_path, r.resource_group, r.tags::text,
                   coalesce(r.cpu_count, 0), coalesce(r.storage_gib, 0)
            FROM sourcing.resource r JOIN sourcing.source s ON s.id = r.source_id
            WHERE r.removed_at IS NULL AND r.kind IN ('vm', 'cloud')
            ORDER BY r.id
            """, connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var list = new List<MappingResource>();
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(new MappingResource(
                reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5),
                ReadTags(reader.GetString(6)), reader.GetInt32(7), reader.GetDecimal(8)));
        }

        return list;
    }

    // Tags are {category: "tag"} strings; a collector that stored something else still maps by its text.
    internal static Dictionary<string, string> ReadTags(string json)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        using var document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            return tags;
        }

        foreach (var property in document.RootElement.EnumerateObject())
        {
            tags[property.Name] = property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString()!,
                JsonValueKind.Array => string.Join("; ", property.Value.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString() : e.GetRawText())),
                _ => property.Value.GetRawText(),
            };
        }

        return tags;
    }
}
