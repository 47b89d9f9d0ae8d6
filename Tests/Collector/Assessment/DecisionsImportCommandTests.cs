using Dapper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Sourcing.Collector;
using Sourcing.Collector.Cli;
using Sourcing.Tests.Support;

namespace Sourcing.Tests.Collector.Assessment;

public sealed class DecisionsImportCommandTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private ServiceProvider Services()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Sourcing"] = database.ConnectionString,
            ["DataProtection:KeysPath"] = Directory.CreateTempSubdirectory("keys-").FullName,
        }).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration);
        services.AddSourcingCollector(configuration).AddSourcingCli();
        services.AddSingleton(database.DataSource);
        return services.BuildServiceProvider();
    }

    private async Task SeedAsync()
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await connection.ExecuteAsync(
            """
            INSERT INTO sourcing.workload (name) SELECT n FROM unnest(ARRAY['Cosmic', 'Heroma']) n
            WHERE NOT EXISTS (SELECT 1 FROM sourcing.workload w WHERE w.name = n)
            """);
    }

    [Fact]
    public async Task Run_ValidFile_RecordsEveryDecision()
    {
        await SeedAsync();
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, "System;Beslut;Motivering;Beslutad av\nCosmic;InHouse;Patientdata;it-strateg\nheroma;Svensk/EU-ägd driftleverantör;Standardserver;\n");
        await using var services = Services();
        var output = new StringWriter();

        var code = await CliDispatcher.RunAsync(["decisions", "import", file], services, output, TextWriter.Null, CancellationToken.None);

        Assert.Equal(0, code);
        await using var connection = await database.DataSource.OpenConnectionAsync();
        var rows = (await connection.QueryAsync<(string, string)>(
            "SELECT w.name, d.destination FROM sourcing.decision d JOIN sourcing.workload w ON w.id = d.workload_id ORDER BY w.name")).ToList();
        Assert.Contains(("Cosmic", "InHouse"), rows);
        Assert.Contains(("Heroma", "SwedishManaged"), rows);
    }

    [Fact]
    public async Task Run_UnknownSystemOnARow_WritesNothingAndExits65()
    {
        await SeedAsync();
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, "System;Beslut;Motivering\nCosmic;Saas;Finns som tjänst\nFinnsInte;Retire;Gammalt\n");
        await using var services = Services();
        await using var connection = await database.DataSource.OpenConnectionAsync();
        var before = await connection.QuerySingleAsync<long>("SELECT count(*) FROM sourcing.decision");

        var code = await CliDispatcher.RunAsync(["decisions", "import", file], services, TextWriter.Null, TextWriter.Null, CancellationToken.None);

        Assert.Equal(65, code);
        Assert.Equal(before, await connection.QuerySingleAsync<long>("SELECT count(*) FROM sourcing.decision"));
    }
}
