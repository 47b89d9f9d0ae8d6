using Sourcing.Analyzer.Planning;

namespace Sourcing.Tests.Analyzer.Planning;

public sealed class ScenarioComparerTests
{
    [Fact]
    public void Compare_DemoScenarios_ListsOnlyDifferingAssumptions()
    {
        var systems = DemoPlanningSystems.Generate(300);
        var scenarios = DemoScenarios.Create();
        var items = scenarios.Select(s => (s, Forecaster.Run(PlanCompiler.Compile(s, systems)))).ToList();

        var comparison = ScenarioComparer.Compare(items);

        var keys = comparison.DifferingAssumptions.Select(d => d.Key).ToList();
        Assert.Contains(ParameterKeys.TransferShare, keys);
        Assert.Contains(ParameterKeys.CloudPriceFactor, keys);
        Assert.Contains("horizon_years", keys);
        Assert.Contains("rules", keys);
        Assert.DoesNotContain(ParameterKeys.PoPalagg, keys);
        Assert.DoesNotContain("start_year", keys);
        var transfer = comparison.DifferingAssumptions.Single(d => d.Key == ParameterKeys.TransferShare);
        Assert.Equal(3, transfer.Values.Count);
        Assert.StartsWith("25", transfer.Values[0], StringComparison.Ordinal);
        Assert.StartsWith("0", transfer.Values[1], StringComparison.Ordinal);

        Assert.Equal(3, comparison.Scenarios.Count);
        // Horizons of 5, 6 and 6 years from 2026: compared over the common 2026–2030 only.
        Assert.True(comparison.HorizonsDiffer);
        Assert.Equal(Enumerable.Range(2026, 5), comparison.Years);
        Assert.All(comparison.Baseline.Points, p => Assert.Equal(0, p.CumulativeNetCostMkr));
        Assert.All(comparison.Scenarios, s => Assert.Equal(5, s.Points.Count));
        // The six-year scenario's total is its running total at 2030, not at 2031.
        var sixYears = items[2].Item2;
        Assert.Equal(sixYears.Years[4].CumulativeDifferenceMkr, comparison.Last(2)!.CumulativeNetCostMkr, 6);
        Assert.NotEqual(sixYears.Years[5].CumulativeDifferenceMkr, comparison.Last(2)!.CumulativeNetCostMkr, 6);
        Assert.True(comparison.Scenarios[2].Points[^1].FreedFte > comparison.Scenarios[0].Points[^1].FreedFte);
        // The surplus beside it covers the same 2026–2030: the sum of those five years' surplus FTE, not 2031's too.
        Assert.Equal(sixYears.Years.Take(5).Sum(y => y.SurplusFte), comparison.Last(2)!.CumulativeSurplusFteYears, 6);
    }

    [Fact]
    public void Compare_OneScenario_IsRejected()
    {
        var scenario = DemoScenarios.Create()[0];
        var forecast = Forecaster.Run(PlanCompiler.Compile(scenario, DemoPlanningSystems.Generate(10)));

        Assert.Throws<ArgumentException>(() => ScenarioComparer.Compare([(scenario, forecast)]));
    }
}
