using System.Text.Json;
using Dapper;
using Npgsql;
using Sourcing.Analyzer;
using Sourcing.Analyzer.Lifecycle;
using Sourcing.Analyzer.Workloads;
using Sourcing.Analyzer.Workloads.Mapping;

namespace Sourcing.Collector.Workloads;

/// <summary>
/// The portfolio in PostgreSQL: departments, systems, rules, which resources each system runs on,
/// the unmapped work list, coverage, and the portfolio as the analysis reads it.
/// </summary>
public sealed class WorkloadStore(NpgsqlDataSource dataSource, TimeProvider time)
{
    public async Task<IReadOnlyList<DepartmentRow>> ListDepartmentsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(long Id, string Name)>(new CommandDefinition(
            "SELECT id, name FROM sourcing.department ORDER BY name", cancellationToken: cancellationToken));
        return [.. rows.Select(r => new DepartmentRow(r.Id, r.Name))];
    }

    public async Task<long> EnsureDepartmentAsync(string name, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            WITH ins AS (
                INSERT INTO sourcing.department (name) VALUES (@name)
                ON CONFLICT ((lower(name))) DO NOTHING RETURNING id)
            SELECT id FROM ins UNION ALL SELECT id FROM sourcing.department WHERE lower(name) = lower(@name) LIMIT 1
            """, new { name = name.Trim() }, cancellationToken: cancellationToken));
    }

    /// <summary>Finds or creates a system by name (case-insensitive), as a person does when mapping by hand.</summary>
    public async Task<long> EnsureWorkloadAsync(string name, string by, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            WITH ins AS (
                INSERT INTO sourcing.workload (name, created_by) VALUES (@name, @by)
                ON CONFLICT ((lower(name))) DO NOTHING RETURNING id)
            SELECT id FROM ins UNION ALL SELECT id FROM sourcing.workload WHERE lower(name) = lower(@name) LIMIT 1
            """, new { name = name.Trim(), by }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<MappingRule>> ListRulesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await ListRulesAsync(connection, null, onlyEnabled: false, cancellationToken);
    }

    internal static async Task<IReadOnlyList<MappingRule>> ListRulesAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, bool onlyEnabled, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<RuleRow>(new CommandDefinition(
            $"""
            SELECT id, position, kind, match_key, match_value, match_regex, target_workload, target_department,
                   department_tag, target_object, enabled, description
            FROM sourcing.mapping_rule {(onlyEnabled ? "WHERE enabled" : "")}
            ORDER BY position, id
            """, transaction: transaction, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new MappingRule
        {
            Id = r.id,
            Position = r.position,
            Kind = MappingRule.ParseKind(r.kind),
            MatchKey = r.match_key,
            MatchValue = r.match_value,
            MatchRegex = r.match_regex,
            TargetWorkload = r.target_workload,
            TargetDepartment = r.target_department,
            DepartmentTag = r.department_tag,
            TargetObject = r.target_object,
            Enabled = r.enabled,
            Description = r.description,
        })];
    }

    /// <summary>Adds a rule (Id 0) or replaces one; returns its id. Throws ArgumentException with a Swedish message for an unusable rule.</summary>
    public async Task<long> SaveRuleAsync(MappingRule rule, CancellationToken cancellationToken)
    {
        if (MappingEngine.Validate(rule) is { } problem)
        {
            throw new ArgumentException(problem, nameof(rule));
        }

        var args = new
        {
            id = rule.Id,
            position = rule.Position,
            kind = MappingRule.KindName(rule.Kind),
            key = rule.MatchKey,
            value = rule.MatchValue,
            regex = rule.MatchRegex,
            workload = rule.TargetWorkload,
            department = rule.TargetDepartment,
            departmentTag = rule.DepartmentTag,
            obj = rule.TargetObject,
            enabled = rule.Enabled,
            description = rule.Description,
        };
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        if (rule.Id == 0)
        {
            return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                """
                INSERT INTO sourcing.mapping_rule (position, kind, match_key, match_value, match_regex, target_workload,
                    target_department, department_tag, target_object, enabled, description)
                VALUES (@position, @kind, @key, @value, @regex, @workload, @department, @departmentTag, @obj, @enabled, @description)
                RETURNING id
                """, args, cancellationToken: cancellationToken));
        }

        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE sourcing.mapping_rule SET position = @position, kind = @kind, match_key = @key, match_value = @value,
                match_regex = @regex, target_workload = @workload, target_department = @department,
                department_tag = @departmentTag, target_object = @obj, enabled = @enabled, description = @description
            WHERE id = @id
            """, args, cancellationToken: cancellationToken));
        return rule.Id;
    }

    public async Task DeleteRuleAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM sourcing.mapping_rule WHERE id = @id", new { id }, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Puts resources in a system by hand. Hand assignments are never overwritten by rules; remove
    /// them with <see cref="ClearHandAssignmentsAsync"/> to let the rules decide again. Returns the rows written.
    /// </summary>
    public async Task<int> AssignByHandAsync(IReadOnlyCollection<long> resourceIds, long workloadId, string by, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO sourcing.resource_assignment (resource_id, workload_id, how, rule_id, assigned_at, assigned_by)
            SELECT r.id, @workloadId, 'hand', NULL, @now, @by
            FROM sourcing.resource r WHERE r.id = ANY(@ids)
            ON CONFLICT (resource_id) DO UPDATE SET workload_id = excluded.workload_id, how = 'hand', rule_id = NULL,
                assigned_at = excluded.assigned_at, assigned_by = excluded.assigned_by
            """, new { ids = resourceIds.ToArray(), workloadId, now = time.GetUtcNow(), by }, cancellationToken: cancellationToken));
    }

    public async Task<int> ClearHandAssignmentsAsync(IReadOnlyCollection<long> resourceIds, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM sourcing.resource_assignment WHERE how = 'hand' AND resource_id = ANY(@ids)",
            new { ids = resourceIds.ToArray() }, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Moves a rule one step earlier (<paramref name="up"/>) or later in the order the mapping tries rules. Returns false
    /// when the rule does not exist or is already first/last (nothing is written then). Rules that share a position are
    /// renumbered 10, 20, 30… first, since swapping equal positions would change nothing.
    /// </summary>
    public async Task<bool> MoveRuleAsync(long id, bool up, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Lock the rules so two people moving at once cannot interleave their swaps.
        var rules = (await connection.QueryAsync<(long Id, int Position)>(new CommandDefinition(
            "SELECT id, position FROM sourcing.mapping_rule ORDER BY position, id FOR UPDATE", transaction: transaction, cancellationToken: cancellationToken))).ToList();
        var index = rules.FindIndex(r => r.Id == id);
        var other = up ? index - 1 : index + 1;
        if (index < 0 || other < 0 || other >= rules.Count)
        {
            return false;
        }

        if (rules.Select(r => r.Position).Distinct().Count() != rules.Count)
        {
            rules = [.. rules.Select((r, i) => (r.Id, (i + 1) * 10))];
        }

        (rules[index], rules[other]) = (rules[other] with { Position = rules[index].Position }, rules[index] with { Position = rules[other].Position });
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE sourcing.mapping_rule m SET position = n.position
            FROM unnest(@ids, @positions) AS n(id, position)
            WHERE m.id = n.id AND m.position IS DISTINCT FROM n.position
            """, new { ids = rules.Select(r => r.Id).ToArray(), positions = rules.Select(r => r.Position).ToArray() }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>Resources put in a system by hand, newest first, with the total count of them.</summary>
    public async Task<(IReadOnlyList<HandAssignmentRow> Rows, int Total)> ListHandAssignmentsAsync(int limit, int offset, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var total = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT count(*) FROM sourcing.resource_assignment WHERE how = 'hand'", cancellationToken: cancellationToken));
        var rows = await connection.QueryAsync<(long ResourceId, string ResourceName, long WorkloadId, string WorkloadName, DateTime AssignedAt, string? AssignedBy)>(new CommandDefinition(
            """
            SELECT a.resource_id, r.name, a.workload_id, w.name, a.assigned_at, a.assigned_by
            FROM sourcing.resource_assignment a
            JOIN sourcing.resource r ON r.id = a.resource_id
            JOIN sourcing.workload w ON w.id = a.workload_id
            WHERE a.how = 'hand'
            ORDER BY a.assigned_at DESC, a.resource_id
            LIMIT @limit OFFSET @offset
            """, new { limit, offset }, cancellationToken: cancellationToken));
        return ([.. rows.Select(r => new HandAssignmentRow(r.ResourceId, r.ResourceName, r.WorkloadId, r.WorkloadName,
            new DateTimeOffset(DateTime.SpecifyKind(r.AssignedAt, DateTimeKind.Utc)), r.AssignedBy))], total);
    }

    /// <summary>
    /// One system's story, newest first: every change of its resources (resource_history of the resources it has now),
    /// when each resource was put in it, its decisions and its latest assessment. <paramref name="limit"/> entries from
    /// <paramref name="offset"/>; ties on time keep a stable order.
    /// </summary>
    public async Task<IReadOnlyList<SystemTimelineEntry>> TimelineAsync(long workloadId, int limit, int offset, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<TimelineRaw>(new CommandDefinition(
            """
            SELECT * FROM (
                SELECT h.at, 'resource_' || h.change AS kind, r.id AS resource_id, r.name AS resource_name, h.fields::text AS detail,
                       NULL::text AS note, NULL::text AS by, 3 AS sort, h.id AS sort_id
                FROM sourcing.resource_assignment a
                JOIN sourcing.resource_history h ON h.resource_id = a.resource_id
                JOIN sourcing.resource r ON r.id = a.resource_id
                WHERE a.workload_id = @workloadId
                UNION ALL
                SELECT a.assigned_at, 'assigned_' || a.how, r.id, r.name, NULL, NULL, a.assigned_by, 2, r.id
                FROM sourcing.resource_assignment a JOIN sourcing.resource r ON r.id = a.resource_id
                WHERE a.workload_id = @workloadId
                UNION ALL
                SELECT d.decided_at, 'decision', NULL, NULL, d.destination, d.reason, d.decided_by, 1, d.id
                FROM sourcing.decision d WHERE d.workload_id = @workloadId
                UNION ALL
                SELECT s.computed_at, 'assessment', NULL, NULL, coalesce(s.recommendation, s.status), NULL, NULL, 0, s.workload_id
                FROM sourcing.assessment s WHERE s.workload_id = @workloadId
            ) t
            ORDER BY at DESC, sort, sort_id DESC
            LIMIT @limit OFFSET @offset
            """, new { workloadId, limit, offset }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new SystemTimelineEntry(new DateTimeOffset(DateTime.SpecifyKind(r.at, DateTimeKind.Utc)), r.kind, r.resource_id, r.resource_name, r.detail, r.note, r.by))];
    }

    /// <summary>Active VMs and cloud resources that belong to no system, biggest first by the chosen measure.</summary>
    public async Task<IReadOnlyList<UnmappedResourceRow>> ListUnmappedAsync(UnmappedSort sort, bool descending, int limit, int offset, CancellationToken cancellationToken)
    {
        var order = sort switch
        {
            UnmappedSort.Vcpu => "cpu_count",
            UnmappedSort.Memory => "memory_mib",
            UnmappedSort.Name => "lower(r.name)",
            _ => "storage_gib",
        };
        var direction = descending ? "DESC" : "ASC";
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<UnmappedRaw>(new CommandDefinition(
            $"""
            SELECT r.id, s.name AS source, r.kind, r.name, r.folder_path, r.resource_group, r.guest_os,
                   coalesce(r.cpu_count, 0) AS cpu_count, coalesce(r.memory_mib, 0) AS memory_mib,
                   coalesce(r.storage_gib, 0) AS storage_gib, r.tags::text AS tags
            FROM sourcing.resource r
            JOIN sourcing.source s ON s.id = r.source_id
            LEFT JOIN sourcing.resource_assignment a ON a.resource_id = r.id
            WHERE r.removed_at IS NULL AND r.kind IN ('vm', 'cloud') AND a.resource_id IS NULL
            ORDER BY {order} {direction}, r.id
            LIMIT @limit OFFSET @offset
            """, new { limit, offset }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new UnmappedResourceRow(r.id, r.source, r.kind, r.name, r.folder_path, r.resource_group, r.guest_os, r.cpu_count, r.memory_mib, r.storage_gib, r.tags))];
    }

    /// <summary>
    /// The figure <see cref="MappingCoverage.Compute"/> defines (VMs only, mapped = assigned to a system), summed in the
    /// database: pages that show it need five numbers, not 50,000 rows.
    /// </summary>
    public async Task<MappingCoverage> CoverageAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleAsync<(int Vms, int MappedVms, long Vcpu, long MappedVcpu, decimal Storage, decimal MappedStorage)>(new CommandDefinition(
            """
            SELECT count(*)::int,
                   count(*) FILTER (WHERE a.resource_id IS NOT NULL)::int,
                   coalesce(sum(coalesce(r.cpu_count, 0)), 0)::bigint,
                   coalesce(sum(coalesce(r.cpu_count, 0)) FILTER (WHERE a.resource_id IS NOT NULL), 0)::bigint,
                   coalesce(sum(coalesce(r.storage_gib, 0)), 0)::numeric,
                   coalesce(sum(coalesce(r.storage_gib, 0)) FILTER (WHERE a.resource_id IS NOT NULL), 0)::numeric
            FROM sourcing.resource r LEFT JOIN sourcing.resource_assignment a ON a.resource_id = r.id
            WHERE r.removed_at IS NULL AND r.kind = 'vm'
            """, cancellationToken: cancellationToken));
        return new MappingCoverage(row.Vms, row.MappedVms, row.Vcpu, row.MappedVcpu, row.Storage, row.MappedStorage);
    }

    /// <summary>Every system's id and name, by name: for pickers.</summary>
    public async Task<IReadOnlyList<(long Id, string Name)>> ListNamesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<(long Id, string Name)>(new CommandDefinition(
            "SELECT id, name FROM sourcing.workload ORDER BY lower(name)", cancellationToken: cancellationToken))).AsList();
    }

    public async Task<IReadOnlyList<MappingConflictRow>> ListConflictsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            SELECT c.resource_id, r.name, c.rule_ids, c.workloads, c.detected_at
            FROM sourcing.mapping_conflict c JOIN sourcing.resource r ON r.id = c.resource_id
            ORDER BY lower(r.name)
            """, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var list = new List<MappingConflictRow>();
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(new MappingConflictRow(reader.GetInt64(0), reader.GetString(1), reader.GetFieldValue<long[]>(2), reader.GetFieldValue<string[]>(3), reader.GetFieldValue<DateTimeOffset>(4)));
        }

        return list;
    }

    /// <summary>
    /// VMs, vCPU and storage per förvaltning at the end of each day (UTC), from each resource's first_seen_at/removed_at and its
    /// current system. Simple and exact for counts; a resource's size is today's (resize history is not
    /// replayed), and a resource keeps the system it has now for all its days.
    /// </summary>
    /// <remarks>
    /// Runs on page view, so it is one pass over the VMs, not one per day: each VM adds itself on the day it was
    /// first seen (or the first day asked for) and takes itself away on the day it was removed; a running sum per
    /// förvaltning over the days gives the totals. (Joining every day to every VM took 24 s for 3 years × 50,000 VMs;
    /// this takes about 0.3 s and gives the same rows.) Days on which a förvaltning has no VMs are left out.
    /// </remarks>
    /// <summary>The day (UTC) the first scan of any source started, or null before the first scan.</summary>
    public async Task<DateOnly?> FirstScanDayAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var first = await connection.ExecuteScalarAsync<DateTime?>(new CommandDefinition(
            "SELECT min(started_at) FROM sourcing.scan", cancellationToken: cancellationToken));
        return first is { } at ? DateOnly.FromDateTime(at) : null;
    }

    public async Task<IReadOnlyList<DepartmentInventoryDay>> InventoryOverTimeAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(DateTime Day, string Department, long Vms, long Vcpu, decimal Storage)>(new CommandDefinition(
            """
            WITH vm AS (
                SELECT coalesce(dep.name, '(ingen förvaltning)') AS department,
                       greatest((r.first_seen_at AT TIME ZONE 'UTC')::date, @from::date) AS start_day,
                       (r.removed_at AT TIME ZONE 'UTC')::date AS end_day,
                       coalesce(r.cpu_count, 0)::bigint AS cpu, coalesce(r.storage_gib, 0) AS gib
                FROM sourcing.resource r
                LEFT JOIN sourcing.resource_assignment a ON a.resource_id = r.id
                LEFT JOIN sourcing.workload w ON w.id = a.workload_id
                LEFT JOIN sourcing.department dep ON dep.id = w.department_id
                WHERE r.kind = 'vm'
                  AND r.first_seen_at < (@to::date + 1)::timestamp AT TIME ZONE 'UTC'
                  AND (r.removed_at IS NULL OR r.removed_at >= (@from::date + 1)::timestamp AT TIME ZONE 'UTC')
            ),
            delta AS (
                SELECT department, day, sum(n) AS n, sum(cpu) AS cpu, sum(gib) AS gib
                FROM (SELECT department, start_day AS day, 1 AS n, cpu, gib FROM vm
                      UNION ALL
                      SELECT department, end_day, -1, -cpu, -gib FROM vm WHERE end_day <= @to::date) e
                GROUP BY 1, 2
            ),
            running AS (
                SELECT g.day::date AS day, d.department,
                       sum(coalesce(x.n, 0)) OVER w AS vms, sum(coalesce(x.cpu, 0)) OVER w AS vcpu, sum(coalesce(x.gib, 0)) OVER w AS storage
                FROM generate_series(@from::date, @to::date, interval '1 day') AS g(day)
                CROSS JOIN (SELECT DISTINCT department FROM vm) d
                LEFT JOIN delta x ON x.department = d.department AND x.day = g.day::date
                WINDOW w AS (PARTITION BY d.department ORDER BY g.day)
            )
            SELECT day::timestamp, department, vms::bigint, vcpu::bigint, storage FROM running WHERE vms > 0 ORDER BY 1, 2
            """, new { from = from.ToDateTime(TimeOnly.MinValue), to = to.ToDateTime(TimeOnly.MinValue) }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new DepartmentInventoryDay(DateOnly.FromDateTime(r.Day), r.Department, (int)r.Vms, r.Vcpu, r.Storage))];
    }

    /// <summary>
    /// Every system with its attributes and its active resources, OS support judged on today's date
    /// (from the injected clock) with the shipped lifecycle table.
    /// </summary>
    public Task<IReadOnlyList<Workload>> LoadForAnalysisAsync(CancellationToken cancellationToken) =>
        LoadForAnalysisAsync(workloadId: null, cancellationToken);

    /// <summary>One system as <see cref="LoadForAnalysisAsync(CancellationToken)"/> reads it, or null; reads only its own rows.</summary>
    public async Task<Workload?> LoadOneForAnalysisAsync(long workloadId, CancellationToken cancellationToken)
    {
        var found = await LoadForAnalysisAsync(workloadId, cancellationToken);
        return found.Count > 0 ? found[0] : null;
    }

    private async Task<IReadOnlyList<Workload>> LoadForAnalysisAsync(long? workloadId, CancellationToken cancellationToken)
    {
        var today = SwedishTime.Today(time);
        var lifecycle = OsLifecycleTable.Default;
        var supportOf = new Dictionary<string, OsSupport>(StringComparer.Ordinal);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var resources = (await connection.QueryAsync<AnalysisResourceRaw>(new CommandDefinition(
            """
            SELECT a.workload_id, r.id, r.kind, r.name, r.guest_os, r.os_family, r.os_version,
                   coalesce(r.cpu_count, 0) AS cpu_count, coalesce(r.memory_mib, 0) AS memory_mib,
                   coalesce(r.storage_gib, 0) AS storage_gib, s.kind AS source_kind,
                   r.power_state, r.host, r.cluster
            FROM sourcing.resource_assignment a
            JOIN sourcing.resource r ON r.id = a.resource_id AND r.removed_at IS NULL
            JOIN sourcing.source s ON s.id = r.source_id
            WHERE @workloadId::bigint IS NULL OR a.workload_id = @workloadId
            ORDER BY a.workload_id, r.name
            """, new { workloadId }, cancellationToken: cancellationToken)))
            .ToLookup(r => r.workload_id, r =>
            {
                // An estate has tens of distinct OS names over 50,000 VMs: parse and look up each name once.
                var os = r.guest_os ?? string.Join(' ', new[] { r.os_family, r.os_version }.Where(s => s is not null));
                if (!supportOf.TryGetValue(os, out var support))
                {
                    supportOf[os] = support = lifecycle.Evaluate(os, today);
                }

                return new WorkloadResource(r.id, r.kind, r.name, support.Os.Product ?? r.os_family, support.Os.Version ?? r.os_version, support.Status,
                    r.cpu_count, r.memory_mib, r.storage_gib, IsCloud: r.source_kind == "azure", IsPhysicalHost: r.kind == "host",
                    Family: support.Os.Family == OsFamily.Other ? OsFamilies.FromKey(r.os_family) : support.Os.Family,
                    PoweredOn: !IsPoweredOff(r.power_state), Host: r.host, Cluster: r.cluster,
                    GuestOs: r.guest_os ?? string.Join(' ', new[] { r.os_family, r.os_version }.Where(s => s is not null)));
            });

        return [.. (await QueryWorkloadsAsync(connection, workloadId, cancellationToken)).Select(w => ToWorkload(w, resources[w.id]))];
    }

    /// <summary>
    /// Every system with its VM count and worst OS support, for lists that show no single server: the servers are
    /// counted per system and OS name in the database (a few thousand groups, not 50,000 rows), each OS name evaluated
    /// once. The workloads' <see cref="Workload.Resources"/> are left empty. Same figures as <see cref="LoadForAnalysisAsync(CancellationToken)"/>.
    /// </summary>
    public async Task<IReadOnlyList<WorkloadListEntry>> LoadListAsync(CancellationToken cancellationToken)
    {
        var today = SwedishTime.Today(time);
        var lifecycle = OsLifecycleTable.Default;
        var supportOf = new Dictionary<string, SupportStatus>(StringComparer.Ordinal);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var groups = (await connection.QueryAsync<(long WorkloadId, string Kind, string Os, int Count)>(new CommandDefinition(
            """
            SELECT a.workload_id, r.kind,
                   coalesce(r.guest_os, concat_ws(' ', r.os_family, r.os_version)) AS os, count(*)::int
            FROM sourcing.resource_assignment a
            JOIN sourcing.resource r ON r.id = a.resource_id AND r.removed_at IS NULL
            GROUP BY 1, 2, 3
            """, cancellationToken: cancellationToken))).ToLookup(g => g.WorkloadId);
        var workloads = await QueryWorkloadsAsync(connection, null, cancellationToken);
        return [.. workloads.Select(w =>
        {
            var own = groups[w.id].ToList();
            SupportStatus? worst = null;
            if (own.Count > 0)
            {
                worst = own.Select(g =>
                {
                    if (!supportOf.TryGetValue(g.Os, out var support))
                    {
                        supportOf[g.Os] = support = lifecycle.Evaluate(g.Os, today).Status;
                    }

                    return support;
                }).Where(s => s != SupportStatus.Unknown).DefaultIfEmpty(SupportStatus.Unknown).Max();
            }

            var unsupportedVms = own.Where(g => g.Kind == "vm" && supportOf[g.Os] == SupportStatus.Unsupported).Sum(g => g.Count);
            return new WorkloadListEntry(ToWorkload(w, []), own.Where(g => g.Kind == "vm").Sum(g => g.Count), worst, unsupportedVms);
        })];
    }

    private static async Task<IEnumerable<WorkloadRaw>> QueryWorkloadsAsync(NpgsqlConnection connection, long? workloadId, CancellationToken cancellationToken) =>
        await connection.QueryAsync<WorkloadRaw>(new CommandDefinition(
            """
            SELECT w.id, w.name, o.name AS management_object, d.name AS department, w.object_owner, w.object_manager,
                   w.confidentiality, w.integrity, w.availability, w.security_classified, w.personal_data,
                   w.availability_need, w.medical_device, w.requires_offline, w.in_house_built, w.vendor, w.product,
                   w.saas_available, w.integration_count, w.contract_end, w.lifecycle, w.licence_sek_per_year
            FROM sourcing.workload w
            LEFT JOIN sourcing.management_object o ON o.id = w.management_object_id
            LEFT JOIN sourcing.department d ON d.id = w.department_id
            WHERE @workloadId::bigint IS NULL OR w.id = @workloadId
            ORDER BY lower(w.name)
            """, new { workloadId }, cancellationToken: cancellationToken));

    private static Workload ToWorkload(WorkloadRaw w, IEnumerable<WorkloadResource> resources) => new()
    {
        Id = w.id,
        Name = w.name,
        ManagementObject = w.management_object,
        Department = w.department,
        ObjectOwner = w.object_owner,
        ObjectManager = w.object_manager,
        Confidentiality = w.confidentiality,
        Integrity = w.integrity,
        Availability = w.availability,
        SecurityClassified = w.security_classified,
        PersonalData = WorkloadColumns.PersonalData(w.personal_data),
        AvailabilityNeed = WorkloadColumns.Availability(w.availability_need),
        MedicalDeviceDependency = w.medical_device,
        RequiresOffline = w.requires_offline,
        InHouseBuilt = w.in_house_built,
        Vendor = w.vendor,
        Product = w.product,
        SaasAvailable = WorkloadColumns.Saas(w.saas_available),
        IntegrationCount = w.integration_count,
        ContractEnd = w.contract_end,
        Lifecycle = WorkloadColumns.Lifecycle(w.lifecycle),
        LicenceSekPerYear = w.licence_sek_per_year is { } licence ? (double)licence : null,
        Resources = [.. resources],
    };

    /// <summary>
    /// Writes the attributes a person set on the system page. Only values that differ from the stored
    /// ones are written, each with origin "hand" (who and when), so an unchanged field keeps the origin
    /// it had (tag or import). Returns the attribute names written.
    /// </summary>
    public async Task<IReadOnlyList<string>> UpdateByHandAsync(long workloadId, WorkloadEdit edit, string by, CancellationToken cancellationToken)
    {
        if (edit.Confidentiality is < 0 or > 4 || edit.Integrity is < 0 or > 4 || edit.Availability is < 0 or > 4)
        {
            throw new ArgumentException("KLASSA levels are 0–4.", nameof(edit));
        }

        if (edit.IntegrationCount is < 0)
        {
            throw new ArgumentException("The integration count cannot be negative.", nameof(edit));
        }

        var values = new (string Column, object? Value, string Cast)[]
        {
            ("confidentiality", edit.Confidentiality is { } k ? (short)k : null, "smallint"),
            ("integrity", edit.Integrity is { } r ? (short)r : null, "smallint"),
            ("availability", edit.Availability is { } t ? (short)t : null, "smallint"),
            ("personal_data", WorkloadColumns.ToDb(edit.PersonalData), "text"),
            ("availability_need", WorkloadColumns.ToDb(edit.AvailabilityNeed), "text"),
            ("medical_device", edit.MedicalDeviceDependency, "boolean"),
            ("in_house_built", edit.InHouseBuilt, "boolean"),
            ("saas_available", edit.SaasAvailable switch { Tristate.Yes => "yes", Tristate.No => "no", _ => "unknown" }, "text"),
            ("integration_count", edit.IntegrationCount, "int"),
            ("contract_end", edit.ContractEnd?.ToDateTime(TimeOnly.MinValue), "date"),
            ("lifecycle", edit.Lifecycle switch { LifecycleState.BeingReplaced => "being_replaced", LifecycleState.ToBeRetired => "to_be_retired", _ => "in_use" }, "text"),
        };

        var now = time.GetUtcNow();
        var origin = JsonSerializer.Serialize(new { origin = "hand", at = now, by });
        var written = new List<string>();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var (column, value, cast) in values)
        {
            // Column names and casts come from the fixed list above, never from the request.
            var changed = await connection.ExecuteAsync(new CommandDefinition(
                $"""
                UPDATE sourcing.workload
                SET {column} = CAST(@v AS {cast}),
                    origins = origins || jsonb_build_object(@column::text, @origin::jsonb),
                    updated_at = @now
                WHERE id = @workloadId AND {column} IS DISTINCT FROM CAST(@v AS {cast})
                """, new { v = value, column, origin, now, workloadId }, transaction, cancellationToken: cancellationToken));
            if (changed > 0)
            {
                written.Add(column);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return written;
    }

    /// <summary>The origin of every attribute set so far, e.g. {"confidentiality": {"origin": "import", ...}}.</summary>
    public async Task<JsonDocument> OriginsAsync(long workloadId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var json = await connection.ExecuteScalarAsync<string>(new CommandDefinition(
            "SELECT origins::text FROM sourcing.workload WHERE id = @workloadId", new { workloadId }, cancellationToken: cancellationToken));
        return JsonDocument.Parse(json ?? "{}");
    }

#pragma warning disable IDE1006, CA1812 // Dapper row shapes named after the columns.
    private sealed record RuleRow(long id, int position, string kind, string? match_key, string? match_value, string? match_regex,
        string? target_workload, string? target_department, string? department_tag, string? target_object, bool enabled, string? description);

    private sealed record UnmappedRaw(long id, string source, string kind, string name, string? folder_path, string? resource_group,
        string? guest_os, int cpu_count, long memory_mib, decimal storage_gib, string tags);

    private sealed record AnalysisResourceRaw(long workload_id, long id, string kind, string name, string? guest_os, string? os_family,
        string? os_version, int cpu_count, long memory_mib, decimal storage_gib, string source_kind, string? power_state, string? host, string? cluster);

    /// <summary>Stored power states (vSphere "off"/"suspended", Azure "deallocated"/"stopped") that run no compute; unknown counts as running.</summary>
    private static bool IsPoweredOff(string? powerState) => powerState is "off" or "suspended" or "deallocated" or "stopped";

    private sealed record WorkloadRaw(long id, string name, string? management_object, string? department, string? object_owner,
        string? object_manager, short? confidentiality, short? integrity, short? availability, bool? security_classified,
        string personal_data, string availability_need, bool? medical_device, bool? requires_offline, bool? in_house_built,
        string? vendor, string? product, string saas_available, int? integration_count, DateOnly? contract_end, string lifecycle,
        decimal? licence_sek_per_year);
    private sealed record TimelineRaw(DateTime at, string kind, long? resource_id, string? resource_name, string? detail, string? note, string? by, int sort, long sort_id);
#pragma warning restore IDE1006, CA1812
}
