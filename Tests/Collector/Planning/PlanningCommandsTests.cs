using ClosedXML.Excel;
using Microsoft.Extensions.DependencyInjection;
using Sourcing.Analyzer.Planning;
using Sourcing.Collector.Cli;
using Sourcing.Collector.Planning;
using Sourcing.Tests.Support;

namespace Sourcing.Tests.Collector.Planning;

public sealed class PlanningCommandsTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private ServiceProvider Services() => new ServiceCollection()
        .AddSingleton(database.DataSource)
        .AddSingleton(TimeProvider.System)
        .AddSingleton<IPlanningSystemSource>(new FakePlanningSystemSource(DemoPlanningSystems.Generate(200)))
        .BuildServiceProvider();

    private static async Task<(int Code, string Output)> Run(ICliCommand command, IServiceProvider services, params string[] args)
    {
        using var output = new StringWriter();
        var code = await command.RunAsync(new CliArgs(args, command.Flags), services, output, CancellationToken.None);
        return (code, output.ToString());
    }

    [Fact]
    public async Task ImportListExportForecast_WorkTogether()
    {
        await using var services = Services();
        var file = Path.Combine(Path.GetTempPath(), $"scenario-{Guid.NewGuid():N}.json");
        var scenario = DemoScenarios.Create()[2] with { Name = "CLI-prov" };
        await File.WriteAllTextAsync(file, ScenarioJson.Serialize(scenario));
        try
        {
            var (importCode, _) = await Run(new ScenarioImportCommand(), services, file);
            var (listCode, list) = await Run(new ScenarioListCommand(), services);
            var (exportCode, exported) = await Run(new ScenarioExportCommand(), services, "CLI-prov");
            var (csvCode, csv) = await Run(new ForecastCommand(), services, "CLI-prov", "--format", "csv");
            var (jsonCode, json) = await Run(new ForecastCommand(), services, "CLI-prov");

            Assert.Equal(0, importCode);
            Assert.Equal(0, listCode);
            Assert.Contains("CLI-prov", list, StringComparison.Ordinal);
            Assert.Equal(0, exportCode);
            Assert.Equal(ScenarioJson.Serialize(scenario), exported.TrimEnd());
            Assert.Equal(0, csvCode);
            var lines = csv.TrimEnd().Split('\n');
            Assert.Equal(1 + scenario.HorizonYears, lines.Length);
            Assert.StartsWith("ar,", lines[0], StringComparison.Ordinal);
            Assert.StartsWith("2026,", lines[1], StringComparison.Ordinal);
            Assert.Equal(0, jsonCode);
            Assert.Contains("\"scenarioName\": \"CLI-prov\"", json, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Import_BadFile_Returns65()
    {
        await using var services = Services();
        var file = Path.Combine(Path.GetTempPath(), $"scenario-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, "{\"format\": \"annat/9\"}");
        try
        {
            var (code, output) = await Run(new ScenarioImportCommand(), services, file);

            Assert.Equal(65, code);
            Assert.Contains("annat/9", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Forecast_UnknownScenarioOrFormat_Fails()
    {
        await using var services = Services();

        Assert.Equal(2, (await Run(new ForecastCommand(), services, "Finns inte")).Code);
        await Assert.ThrowsAsync<UsageException>(() => Run(new ForecastCommand(), services, "x", "--format", "xml"));
    }

    [Fact]
    public async Task Forecast_WithXlsx_WritesWorkbookThatReopens()
    {
        await using var services = Services();
        var scenario = DemoScenarios.Create()[0] with { Name = "Excel-prov" };
        await new ScenarioStore(database.DataSource, TimeProvider.System).SaveAsync(scenario, CancellationToken.None);
        var file = Path.Combine(Path.GetTempPath(), $"prognos-{Guid.NewGuid():N}.xlsx");
        try
        {
            var (code, _) = await Run(new ForecastCommand(), services, "Excel-prov", "--format", "csv", "--xlsx", file);

            Assert.Equal(0, code);
            using var workbook = new XLWorkbook(file);
            Assert.Equal("Excel-prov", workbook.Worksheet(ForecastWorkbook.ScenarioSheet).Cell(1, 2).GetString());
            Assert.Equal(2026, workbook.Worksheet(ForecastWorkbook.ForecastSheet).Cell(2, 1).GetValue<int>());
        }
        finally
        {
            File.Delete(file);
        }
    }
}
