using Microsoft.Extensions.Logging;
using Npgsql;

namespace Sourcing.Collector.Store;

/// <summary>
/// Applies the numbered SQL files embedded under Store/Migrations in order, each in its own
/// transaction, under an advisory lock so that several Hangfire servers starting at once
/// do not race. Applied versions are recorded in sourcing.schema_version.
/// </summary>
public sealed class Migrator(NpgsqlDataSource dataSource, ILogger<Migrator> logger)
{
    // Any constant shared by every process that migrates this database.
    private const long LockKey = 0x5352_4349_4e47; // "SRCING"

    public static IReadOnlyList<(int Version, string Name, string Sql)> LoadMigrations()
    {
        var assembly = typeof(Migrator).Assembly;
        var list = new List<(int, string, string)>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            const string marker = ".Store.Migrations.";
            var at = resource.IndexOf(marker, StringComparison.Ordinal);
            if (at < 0 || !resource.EndsWith(".sql", StringComparison.Ordinal))
            {
                continue;
            }

            var file = resource[(at + marker.Length)..^4];
            var underscore = file.IndexOf('_', StringComparison.Ordinal);
            if (underscore < 1 || !int.TryParse(file[..underscore].TrimStart('_'), out var version))
            {
                throw new InvalidOperationException($"Migration {resource} must be named NNNN_name.sql.");
            }

            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            list.Add((version, file[(underscore + 1)..], reader.ReadToEnd()));
        }

        list.Sort((a, b) => a.Item1.CompareTo(b.Item1));
        for (var i = 1; i < list.Count; i++)
        {
            if (list[i].Item1 == list[i - 1].Item1)
            {
                throw new InvalidOperationException($"Two migrations have number {list[i].Item1}.");
            }
        }

        return list;
    }

    /// <summary>Applies pending migrations; returns the versions applied now.</summary>
    public async Task<IReadOnlyList<int>> MigrateAsync(CancellationToken cancellationToken)
    {
        var applied = new List<int>();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection))
        {
            lockCommand.Parameters.AddWithValue("key", LockKey);
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        try
        {
            await using (var create = new NpgsqlCommand(
                """
                CREATE SCHEMA IF NOT EXISTS sourcing;
                CREATE TABLE IF NOT EXISTS sourcing.schema_version (
                    version    int PRIMARY KEY,
                    name       text NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now()
                );
                """, connection))
            {
                await create.ExecuteNonQueryAsync(cancellationToken);
            }

            var done = new HashSet<int>();
            await using (var read = new NpgsqlCommand("SELECT version FROM sourcing.schema_version", connection))
            await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    done.Add(reader.GetInt32(0));
                }
            }

            foreach (var (version, name, sql) in LoadMigrations())
            {
                if (done.Contains(version))
                {
                    continue;
                }

                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await using (var command = new NpgsqlCommand(sql, connection, transaction))
                {
                    await command.ExecuteNonQueryAsync(cancellationToken);
                }

                await using (var record = new NpgsqlCommand(
                    "INSERT INTO sourcing.schema_version (version, name) VALUES (@v, @n)", connection, transaction))
                {
                    record.Parameters.AddWithValue("v", version);
                    record.Parameters.AddWithValue("n", name);
                    await record.ExecuteNonQueryAsync(cancellationToken);
                }

                await transaction.CommitAsync(cancellationToken);
                logger.LogInformation("Applied migration {Version} {Name}", version, name);
                applied.Add(version);
            }
        }
        finally
        {
            await using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
            unlock.Parameters.AddWithValue("key", LockKey);
            await unlock.ExecuteNonQueryAsync(CancellationToken.None);
        }

        return applied;
    }
}
