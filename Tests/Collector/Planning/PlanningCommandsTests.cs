using ClosedXML.Excel;
using Microsoft.Extensions.DependencyInjection;
using Sourcing.Analyzer.Planning;
using Sourcing.Collector.Cli;
using Sourcing.Collector.Planning;
using Sourcing.Tests.Support;

namespace Sourcing.Tests.Collector.Planning;

public sealed class PlanningCommandsTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private ServiceProvider Services() => CliRunner.Services(database, services => services
        .AddSingleton(TimeProvider.System)
        .AddSingleton<IEstateSource>(new FakePlanningSystemSource(DemoPlanningSystems.Generate(200))));

    private static async Task<(int Code, string Output)> Run(CliCommandSpec command, IServiceProvider services, params string[] args)
    {
        var (code, output, _) = await CliRunner.RunAsync(services, [.. command.Path, .. args]);
        return (code, output);
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
            var (importCode, _) = await Run(ScenarioImportCommand.Spec, services, file);
            var (listCode, list) = await Run(ScenarioListCommand.Spec, services);
            var (exportCode, exported) = await Run(ScenarioExportCommand.Spec, services, "CLI-prov");
            var (csvCode, csv) = await Run(ForecastCommand.Spec, services, "CLI-prov", "--format", "csv");
            var (jsonCode, json) = await Run(ForecastCommand.Spec, services, "CLI-prov");

            Assert.Equal(0, importCode);
            Assert.Equal(0, listCode);
            Assert.Contains("CLI-prov", list, StringComparison.Ordinal);
            Assert.Equal(0, exportCode);
            // The export carries the price list the forecast uses (none stored here: the shipped one).
            Assert.Equal(ScenarioJson.Serialize(scenario with { CloudPrices = CloudPriceTable.Default }), exported.TrimEnd());
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
            var (code, output) = await Run(ScenarioImportCommand.Spec, services, file);

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

        Assert.Equal(2, (await Run(ForecastCommand.Spec, services, "Finns inte")).Code);
        Assert.Equal(CliDispatcher.ExitUsage, (await Run(ForecastCommand.Spec, services, "x", "--format", "xml")).Code);
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
            var (code, _) = await Run(ForecastCommand.Spec, services, "Excel-prov", "--format", "csv", "--xlsx", file);

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

    /// <summary>A controller's check: export the estate and the scenario, forecast from the two files
    /// with no database, and get exactly the stored scenario's figures.</summary>
    [Fact]
    public async Task EstateExportThenForecastFromFiles_ReproducesStoredForecastExactly()
    {
        await using var services = Services();
        var scenario = DemoScenarios.Create()[1] with { Name = "Revision" };
        await new ScenarioStore(database.DataSource, TimeProvider.System).SaveAsync(scenario, CancellationToken.None);
        var estateFile = Path.Combine(Path.GetTempPath(), $"estate-{Guid.NewGuid():N}.json");
        var scenarioFile = Path.Combine(Path.GetTempPath(), $"scenario-{Guid.NewGuid():N}.json");
        try
        {
            var (estateCode, _) = await Run(EstateExportCommand.Spec, services, "--out", estateFile);
            var (scenarioCode, _) = await Run(ScenarioExportCommand.Spec, services, "Revision", "--out", scenarioFile);
            var (storedCode, stored) = await Run(ForecastCommand.Spec, services, "Revision");
            var (fileCode, fromFiles) = await Run(ForecastCommand.Spec, services, "--scenario", scenarioFile, "--estate", estateFile);

            Assert.Equal([0, 0, 0, 0], new[] { estateCode, scenarioCode, storedCode, fileCode });
            Assert.Contains("\"format\": \"sourcing-estate/1\"", await File.ReadAllTextAsync(estateFile), StringComparison.Ordinal);
            Assert.Contains("\"likeForLikeDifference\"", stored, StringComparison.Ordinal);
            Assert.Contains("\"npv\"", stored, StringComparison.Ordinal);
            Assert.Equal(stored, fromFiles);
        }
        finally
        {
            File.Delete(estateFile);
            File.Delete(scenarioFile);
        }
    }

    [Theory]
    [InlineData("\"vCpu\": 4", "\"vCpu\": 0", "systems[0].vms[0].vCpu")]
    [InlineData("\"confidentiality\": ", "\"confidentiality\": 9, \"x\": ", "systems[0].confidentiality")]
    [InlineData("\"vCpu\": 4", "\"vCpu\": 4, \"cpuP95\": 1500", "systems[0].vms[0].cpuP95")]
    [InlineData("\"vCpu\": 4", "\"vCpu\": 4, \"utilisationDays\": -1", "systems[0].vms[0].utilisationDays")]
    public async Task ForecastFromFiles_BadEstateField_Returns65NamingTheField(string find, string replace, string field)
    {
        await using var services = Services();
        var estate = Estate.Of([new PlanningSystem
        {
            Id = 1,
            Name = "A",
            Confidentiality = 1,
            VmCount = 1,
            Vms = [new PlanningVm { Name = "a", VCpu = 4 }],
        }]);
        var json = EstateJson.Serialize(estate);
        Assert.Contains(find, json, StringComparison.Ordinal);
        var estateFile = Path.Combine(Path.GetTempPath(), $"estate-{Guid.NewGuid():N}.json");
        var scenarioFile = Path.Combine(Path.GetTempPath(), $"scenario-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(estateFile, json.Replace(find, replace, StringComparison.Ordinal));
        await File.WriteAllTextAsync(scenarioFile, ScenarioJson.Serialize(DemoScenarios.Create()[0]));
        try
        {
            var (code, output) = await Run(ForecastCommand.Spec, services, "--scenario", scenarioFile, "--estate", estateFile);

            Assert.Equal(65, code);
            Assert.Contains(field, output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(estateFile);
            File.Delete(scenarioFile);
        }
    }

    /// <summary>The absurd values a person once saved: each refused on import with the field named.</summary>
    [Theory]
    [InlineData("monthly_salary_ops", -42_000)]
    [InlineData("monthly_salary_ops", 1e9)]
    [InlineData("productive_hours_per_fte", 0.001)]
    [InlineData("managed_price_business_hours", -1)]
    public async Task Import_ImplausibleParameter_Returns65NamingTheField(string key, double value)
    {
        await using var services = Services();
        var file = Path.Combine(Path.GetTempPath(), $"scenario-{Guid.NewGuid():N}.json");
        var scenario = DemoScenarios.Create()[0] with { Parameters = new Dictionary<string, double> { [key] = value } };
        await File.WriteAllTextAsync(file, ScenarioJson.Serialize(scenario));
        try
        {
            var (code, output) = await Run(ScenarioImportCommand.Spec, services, file);

            Assert.Equal(65, code);
            Assert.Contains(key, output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Import_WaveOutsideHorizonOrQuarter_Returns65()
    {
        await using var services = Services();
        var file = Path.Combine(Path.GetTempPath(), $"scenario-{Guid.NewGuid():N}.json");
        var scenario = DemoScenarios.Create()[0] with
        {
            HandMoves = [new HandMove { SystemId = 1, Destination = Sourcing.Analyzer.Destination.Retire, Wave = new Wave(1999, 7) }],
        };
        await File.WriteAllTextAsync(file, ScenarioJson.Serialize(scenario));
        try
        {
            var (code, output) = await Run(ScenarioImportCommand.Spec, services, file);

            Assert.Equal(65, code);
            Assert.Contains("handMoves[0].wave.quarter", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
