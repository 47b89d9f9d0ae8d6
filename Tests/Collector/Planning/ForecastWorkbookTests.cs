using ClosedXML.Excel;
using Sourcing.Analyzer;
using Sourcing.Analyzer.Planning;
using Sourcing.Collector.Planning;

namespace Sourcing.Tests.Collector.Planning;

public sealed class ForecastWorkbookTests
{
    [Fact]
    public void Write_ThenReopen_HasAssumptionsForecastAndPlan()
    {
        var systems = DemoPlanningSystems.Generate(120);
        var handId = systems.First(s => s.Gates[Destination.PublicCloud].Verdict == PlanningGateVerdict.Allowed).Id;
        var scenario = DemoScenarios.Create()[2] with
        {
            HandMoves = [new HandMove { SystemId = handId, Destination = Destination.PublicCloud, Wave = new Wave(2027) }],
        };
        var plan = PlanCompiler.Compile(scenario, systems);
        var assumptions = new PlanningAssumptions(scenario.Parameters).With(ParameterKeys.WageGrowth, 2.5);
        var forecast = Forecaster.Run(plan, assumptions);
        using var stream = new MemoryStream();

        ForecastWorkbook.Write(stream, plan, forecast, assumptions);
        stream.Position = 0;
        using var workbook = new XLWorkbook(stream);

        var sheet = workbook.Worksheet(ForecastWorkbook.ScenarioSheet);
        Assert.Equal(scenario.Name, sheet.Cell(1, 2).GetString());
        var header = ForecastWorkbook.ParameterHeaderRow;
        Assert.Equal("Nyckel", sheet.Cell(header, 1).GetString());
        var wageRow = Enumerable.Range(header + 1, PlanningDefaults.All.Count).Single(r => sheet.Cell(r, 1).GetString() == ParameterKeys.WageGrowth);
        Assert.Equal(2.5, sheet.Cell(wageRow, 3).GetValue<double>());
        Assert.Equal(3.0, sheet.Cell(wageRow, 5).GetValue<double>());
        Assert.Equal("Ja", sheet.Cell(wageRow, 6).GetString());
        Assert.Contains("unionen.se", sheet.Cell(wageRow, 8).GetString(), StringComparison.Ordinal);
        Assert.Equal("Hög", sheet.Cell(wageRow, 9).GetString());

        var years = workbook.Worksheet(ForecastWorkbook.ForecastSheet);
        Assert.Equal("År", years.Cell(1, 1).GetString());
        for (var i = 0; i < forecast.Years.Count; i++)
        {
            Assert.Equal(forecast.Years[i].Year, years.Cell(i + 2, 1).GetValue<int>());
            Assert.Equal(Math.Round(forecast.Years[i].CumulativeDifferenceMkr, 3), years.Cell(i + 2, 1 + ForecastColumns.All.ToList().FindIndex(c => c.Key == "ackumulerad_skillnad_kr")).GetValue<double>(), 6);
        }

        var moves = workbook.Worksheet(ForecastWorkbook.PlanSheet);
        Assert.Equal(plan.Moves.Count + 1, moves.LastRowUsed().RowNumber());
        var handRow = Enumerable.Range(2, plan.Moves.Count).Single(r => moves.Cell(r, 1).GetValue<long>() == handId);
        Assert.Equal("Publikt moln", moves.Cell(handRow, 4).GetString());
        Assert.Equal("Handflytt", moves.Cell(handRow, 10).GetString());

        var issues = workbook.Worksheet(ForecastWorkbook.IssuesSheet);
        Assert.Equal(forecast.Issues.Count + 1, issues.LastRowUsed().RowNumber());
    }
}
