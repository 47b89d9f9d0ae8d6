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

    /// <summary>
    /// A reason holding the separator, quoted as any CSV writer quotes it, is stored whole and "Beslutad av" stays the
    /// person; the same file imported again records nothing new (the system page would list the decision twice).
    /// </summary>
    [Fact]
    public async Task Run_QuotedReasonWithSemicolon_StoredWhole_SecondImportAddsNothing()
    {
        await SeedAsync();
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, "System;Beslut;Motivering;Beslutad av\nCosmic;InHouse;\"Patientdata; ingen leverantör godkänd\";it-strateg\n");
        await using var services = Services();

        var first = new StringWriter();
        Assert.Equal(0, await CliDispatcher.RunAsync(["decisions", "import", file], services, first, TextWriter.Null, CancellationToken.None));
        var second = new StringWriter();
        Assert.Equal(0, await CliDispatcher.RunAsync(["decisions", "import", file], services, second, TextWriter.Null, CancellationToken.None));

        await using var connection = await database.DataSource.OpenConnectionAsync();
        var stored = (await connection.QueryAsync<(string Reason, string By)>(
            """
            SELECT d.reason, d.decided_by FROM sourcing.decision d JOIN sourcing.workload w ON w.id = d.workload_id
            WHERE w.name = 'Cosmic' AND d.reason LIKE 'Patientdata%'
            """)).ToList();
        Assert.Equal(("Patientdata; ingen leverantör godkänd", "it-strateg"), Assert.Single(stored));
        Assert.Contains("1 beslut registrerade", first.ToString(), StringComparison.Ordinal);
        Assert.Contains("0 beslut registrerade; 1 fanns redan", second.ToString(), StringComparison.Ordinal);
    }

    /// <summary>The same reason unquoted makes one cell too many: refused with the row named, nothing stored.</summary>
    [Fact]
    public async Task Run_UnquotedSeparatorInReason_RowNamedNothingStored()
    {
        await SeedAsync();
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, "System;Beslut;Motivering;Beslutad av\nHeroma;Saas;Okej;it-strateg\nCosmic;Retire;Gammalt; ersätts 2027;it-strateg\n");
        await using var connection = await database.DataSource.OpenConnectionAsync();
        var before = await connection.QuerySingleAsync<long>("SELECT count(*) FROM sourcing.decision");
        // A real process: the command writes its errors to the process's standard error.
        var (code, _, stderr) = await Sourcing.Tests.Collector.Cli.CliExitCodeTests.RunCliAsync(["decisions", "import", file], database.ConnectionString);

        Assert.Equal(65, code);
        Assert.Contains("rad 3: 5 kolumner men rubrikraden har 4; sätt citattecken", stderr, StringComparison.Ordinal);
        Assert.Equal(before, await connection.QuerySingleAsync<long>("SELECT count(*) FROM sourcing.decision"));
    }

    /// <summary>A file that is not UTF-8 (Excel's "CSV (semikolonavgränsad)" in Windows-1252) is refused in Swedish.</summary>
    [Fact]
    public async Task Run_NotUtf8_RefusedNothingStored()
    {
        await SeedAsync();
        var file = Path.GetTempFileName();
        await File.WriteAllBytesAsync(file, [.. "System;Beslut;Motivering\nCosmic;InHouse;Patientdata fr"u8, 0xE5, (byte)'n', (byte)'\n']);
        // A real process: the command writes its errors to the process's standard error.
        var (code, _, stderr) = await Sourcing.Tests.Collector.Cli.CliExitCodeTests.RunCliAsync(["decisions", "import", file], database.ConnectionString);

        Assert.Equal(65, code);
        Assert.Contains("är inte UTF-8", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(".xlsx", stderr, StringComparison.Ordinal);
    }
}
