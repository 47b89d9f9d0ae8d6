using System.Text.Json;
using Dapper;
using Npgsql;

namespace Sourcing.Collector.Imports;

/// <summary>
/// Imports a system register into sourcing.workload: all or nothing (one transaction), idempotent
/// (an unchanged value is not written, so the same file twice reports 0 changes the second time),
/// with a dry run that reports the same changes without writing. Empty cells change nothing. Every
/// value written gets origin "import" with the time and the file name.
/// </summary>
public sealed class SystemRegisterImport(NpgsqlDataSource dataSource, TimeProvider time)
{
    private static readonly Dictionary<string, SystemRegisterField> Fields = SystemRegisterField.All.ToDictionary(f => f.Attribute);

    public long MaxBytes { get; init; } = ImportFiles.DefaultMaxBytes;

    /// <exception cref="ImportFileException">The file cannot be imported; nothing was written.</exception>
    public async Task<SystemImportReport> RunAsync(string path, bool dryRun, CancellationToken cancellationToken)
    {
        var fileName = Path.GetFileName(path);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var departments = (await connection.QueryAsync<string>(new CommandDefinition("SELECT name FROM sourcing.department", transaction: transaction, cancellationToken: cancellationToken)))
            .ToDictionary(n => string.Join(' ', n.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries)), n => n, StringComparer.Ordinal);
        var file = SystemRegisterReader.Read(path, departments, MaxBytes);

        var current = await LoadCurrentAsync(connection, transaction, cancellationToken);
        var objects = (await connection.QueryAsync<string>(new CommandDefinition("SELECT name FROM sourcing.management_object", transaction: transaction, cancellationToken: cancellationToken)))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

        var changes = new List<SystemChange>();
        var newObjects = new List<(string Name, string? Department)>();
        var unchanged = 0;
        foreach (var row in file.Rows)
        {
            current.TryGetValue(row.Name, out var existing);
            var fields = new List<FieldChange>();
            foreach (var (attribute, value) in row.Values.OrderBy(v => SystemRegisterField.All.ToList().FindIndex(f => f.Attribute == v.Key)))
            {
                var old = existing?.GetValueOrDefault(attribute);
                var same = attribute is "department" or "management_object"
                    ? string.Equals(old, value, StringComparison.OrdinalIgnoreCase)
                    : string.Equals(old, value, StringComparison.Ordinal);
                if (!same)
                {
                    fields.Add(new FieldChange(attribute, Fields[attribute].SwedishName, old, value));
                }
            }

            if (row.Values.TryGetValue("management_object", out var objectName) && objects.Add(objectName))
            {
                newObjects.Add((objectName, row.Values.GetValueOrDefault("department")));
            }

            if (existing is null)
            {
                changes.Add(new SystemChange(row.Name, Added: true, fields));
            }
            else if (fields.Count > 0)
            {
                changes.Add(new SystemChange(existing["name"]!, Added: false, fields));
            }
            else
            {
                unchanged++;
            }
        }

        var report = new SystemImportReport(fileName, changes, unchanged, [.. newObjects.Select(o => o.Name)], file.IgnoredColumns, dryRun);
        if (dryRun || (changes.Count == 0 && newObjects.Count == 0))
        {
            await transaction.RollbackAsync(cancellationToken);
            return report;
        }

        var now = time.GetUtcNow();
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO sourcing.management_object (name, department_id)
            VALUES (@Name, (SELECT id FROM sourcing.department WHERE lower(name) = lower(@Department)))
            ON CONFLICT ((lower(name))) DO NOTHING
            """, newObjects.Select(o => new { o.Name, o.Department }).ToList(), transaction, cancellationToken: cancellationToken));

        var origin = JsonSerializer.Serialize(new { origin = "import", at = now, by = fileName });
        foreach (var change in changes)
        {
            var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                """
                WITH ins AS (
                    INSERT INTO sourcing.workload (name, created_by, created_at) VALUES (@name, @by, @now)
                    ON CONFLICT ((lower(name))) DO NOTHING RETURNING id)
                SELECT id FROM ins UNION ALL SELECT id FROM sourcing.workload WHERE lower(name) = lower(@name) LIMIT 1
                """, new { name = change.Name, by = "import:" + fileName, now }, transaction, cancellationToken: cancellationToken));
            foreach (var field in change.Fields)
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    $"""
                    UPDATE sourcing.workload
                    SET {Assignment(field.Attribute)},
                        origins = origins || jsonb_build_object(@attribute::text, @origin::jsonb),
                        updated_at = @now
                    WHERE id = @id
                    """, new { id, v = field.New, attribute = field.Attribute, origin, now }, transaction, cancellationToken: cancellationToken));
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return report;
    }

    // Attribute names come from the fixed field list, never from the file.
    private static string Assignment(string attribute) => attribute switch
    {
        "department" => "department_id = (SELECT id FROM sourcing.department WHERE lower(name) = lower(@v))",
        "management_object" => "management_object_id = (SELECT id FROM sourcing.management_object WHERE lower(name) = lower(@v))",
        _ => Fields[attribute].Kind switch
        {
            RegisterValueKind.Level => $"{attribute} = @v::smallint",
            RegisterValueKind.YesNo => $"{attribute} = @v::boolean",
            RegisterValueKind.Count => $"{attribute} = @v::int",
            RegisterValueKind.Amount => $"{attribute} = @v::numeric",
            RegisterValueKind.Date => $"{attribute} = @v::date",
            _ => $"{attribute} = @v",
        },
    };

    private static async Task<Dictionary<string, Dictionary<string, string?>>> LoadCurrentAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT w.name, o.name AS management_object, d.name AS department, w.object_owner, w.object_manager,
                   w.confidentiality::text AS confidentiality, w.integrity::text AS integrity, w.availability::text AS availability,
                   w.security_classified::text AS security_classified, w.personal_data, w.availability_need,
                   w.medical_device::text AS medical_device, w.requires_offline::text AS requires_offline,
                   w.in_house_built::text AS in_house_built, w.vendor, w.product, w.saas_available,
                   w.integration_count::text AS integration_count, to_char(w.contract_end, 'YYYY-MM-DD') AS contract_end, w.lifecycle,
                   w.licence_sek_per_year::text AS licence_sek_per_year
            FROM sourcing.workload w
            LEFT JOIN sourcing.management_object o ON o.id = w.management_object_id
            LEFT JOIN sourcing.department d ON d.id = w.department_id
            """, connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var all = new Dictionary<string, Dictionary<string, string?>>(StringComparer.OrdinalIgnoreCase);
        while (await reader.ReadAsync(cancellationToken))
        {
            var values = new Dictionary<string, string?>(StringComparer.Ordinal);
            for (var i = 0; i < reader.FieldCount; i++)
            {
                values[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetString(i);
            }

            all[values["name"]!] = values;
        }

        return all;
    }
}
