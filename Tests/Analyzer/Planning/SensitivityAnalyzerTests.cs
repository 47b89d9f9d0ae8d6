using Sourcing.Analyzer.Planning;

namespace Sourcing.Tests.Analyzer.Planning;

public sealed class SensitivityAnalyzerTests
{
    private static readonly CompiledPlan Plan = PlanCompiler.Compile(DemoScenarios.Create()[2], DemoPlanningSystems.Generate(400));

    [Fact]
    public void Run_HigherSupplierPrice_HigherNetCost()
    {
        var result = SensitivityAnalyzer.Run(Plan, keys: [ParameterKeys.ManagedPriceBusinessHours, ParameterKeys.ManagedPrice24x7]);

        Assert.All(result.Entries, e => Assert.True(e.NetCostMkrHigh > e.NetCostMkrLow, e.Key));
        Assert.All(result.Entries, e => Assert.Equal(e.FreedFteLow, e.FreedFteHigh, 9));
    }

    [Fact]
    public void Run_HigherAttrition_LessSurplus()
    {
        // Freeing a lot of staff at once so that the channels are the bottleneck.
        var scenario = DemoScenarios.Create()[2] with
        {
            Rules = [DemoScenarios.Create()[2].Rules[0] with { Waves = [new Wave(2027)] }],
        };
        var plan = PlanCompiler.Compile(scenario, DemoPlanningSystems.Generate(400));

        var entry = Assert.Single(SensitivityAnalyzer.Run(plan, keys: [ParameterKeys.AttritionRate]).Entries);

        Assert.True(entry.SurplusFteYearsLow > 0);
        Assert.True(entry.SurplusFteYearsHigh < entry.SurplusFteYearsLow);
    }

    [Fact]
    public void Run_AllKeys_SortedBySwingDescending()
    {
        var result = SensitivityAnalyzer.Run(Plan);

        // Every assumption with a documented range gets a bar; scenario choices without one are left out.
        Assert.Equal(PlanningDefaults.All.Count(p => p.Low != p.High), result.Entries.Count);
        for (var i = 1; i < result.Entries.Count; i++)
        {
            Assert.True(result.Entries[i - 1].NetCostSwingMkr >= result.Entries[i].NetCostSwingMkr - 1e-9);
        }

        Assert.True(result.Entries[0].NetCostSwingMkr > 0);
        Assert.Equal(0, result.Variation); // 0 = the sources' documented ranges, not a uniform share
    }
}
