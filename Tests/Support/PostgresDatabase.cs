using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Sourcing.Collector.Store;

namespace Sourcing.Tests.Support;

/// <summary>
/// A fresh, migrated database on the real PostgreSQL that scripts/test.sh starts, dropped on
/// dispose. Use as an xunit class fixture (IClassFixture&lt;PostgresDatabase&gt;). Never skips:
/// without a server the tests fail, with the reason.
/// </summary>
public sealed class PostgresDatabase : IAsyncLifetime
{
    private readonly string _adminConnectionString;

    public PostgresDatabase()
    {
        var baseConnection = Environment.GetEnvironmentVariable("ConnectionStrings__Sourcing")
            ?? "Host=127.0.0.1;Port=5432;Database=sourcing;Username=sourcing";
        var builder = new NpgsqlConnectionStringBuilder(baseConnection);
        _adminConnectionString = builder.ConnectionString;
        DatabaseName = $"sourcing_test_{Guid.NewGuid():N}"[..30];
        builder.Database = DatabaseName;
        ConnectionString = builder.ConnectionString;
        DataSource = NpgsqlDataSource.Create(ConnectionString);
    }

    public string DatabaseName { get; }

    public string ConnectionString { get; }

    public NpgsqlDataSource DataSource { get; }

    public async Task InitializeAsync()
    {
        await using (var admin = new NpgsqlConnection(_adminConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{DatabaseName}\"", admin);
            await create.ExecuteNonQueryAsync();
        }

        await new Migrator(DataSource, NullLogger<Migrator>.Instance).MigrateAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await DataSource.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(_adminConnectionString);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{DatabaseName}\" WITH (FORCE)", admin);
        // FORCE may not end a session of another role (an autovacuum worker in the database: 42501). A DROP without
        // FORCE asks autovacuum workers to stop by itself (and waits up to 5 s), so the next attempts go without it; a
        // session that still stays is left, and the database with it, for the next run's sweep.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await drop.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.InsufficientPrivilege or PostgresErrorCodes.ObjectInUse && attempt < 10)
            {
                drop.CommandText = $"DROP DATABASE IF EXISTS \"{DatabaseName}\"";
                await Task.Delay(TimeSpan.FromMilliseconds(300));
            }
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.InsufficientPrivilege or PostgresErrorCodes.ObjectInUse)
            {
                await Console.Error.WriteLineAsync($"Test database {DatabaseName} left behind: {e.MessageText}");
                return;
            }
        }
    }
}
