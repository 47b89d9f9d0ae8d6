using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Sourcing.Collector.Store;
using Sourcing.Tests.Support;

namespace Sourcing.Tests.Collector.Store;

public sealed class MigratorTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task MigrateAsync_SecondRun_AppliesNothing()
    {
        var again = await new Migrator(database.DataSource, NullLogger<Migrator>.Instance).MigrateAsync(CancellationToken.None);

        Assert.Empty(again);
        await using var connection = await database.DataSource.OpenConnectionAsync();
        var versions = (await connection.QueryAsync<int>("SELECT version FROM sourcing.schema_version ORDER BY 1")).ToList();
        Assert.Equal(Migrator.LoadMigrations().Select(m => m.Version), versions);
    }

    [Fact]
    public void LoadMigrations_AreNumberedAndOrdered()
    {
        var migrations = Migrator.LoadMigrations();

        Assert.NotEmpty(migrations);
        Assert.Equal(1, migrations[0].Version);
        Assert.Equal(migrations.OrderBy(m => m.Version).Select(m => m.Version), migrations.Select(m => m.Version));
    }
}
