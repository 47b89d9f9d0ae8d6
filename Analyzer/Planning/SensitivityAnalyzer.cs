namespace Sourcing.Analyzer.Planning;

/// <summary>
/// One-at-a-time sensitivity: each assumption is moved down and up by the same share while the
/// others keep their value. It shows which defaults the decision hangs on, i.e. which ones the
/// region should replace with its own figures first. Reuses the compiled plan, so each step is
/// only the yearly loop.
/// </summary>
public static class SensitivityAnalyzer
{
    public const double DefaultVariation = 0.2;

    public static SensitivityResult Run(CompiledPlan plan, PlanningAssumptions? assumptions = null, IReadOnlyList<string>? keys = null, double variation = DefaultVariation)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var baseAssumptions = assumptions ?? PlanningAssumptions.ForScenario(plan.Scenario);
        var baseForecast = Forecaster.Run(plan, baseAssumptions);
        var entries = new List<SensitivityEntry>();
        foreach (var key in keys ?? [.. PlanningDefaults.All.Select(p => p.Key)])
        {
            var value = baseAssumptions[key];
            var low = Forecaster.Run(plan, baseAssumptions.With(key, value * (1 - variation)));
            var high = Forecaster.Run(plan, baseAssumptions.With(key, value * (1 + variation)));
            entries.Add(new SensitivityEntry(key, PlanningDefaults.Get(key).Label, value, value * (1 - variation), value * (1 + variation),
                low.FinalFreedFte, high.FinalFreedFte, low.NetCostMkr, high.NetCostMkr, low.SurplusFteYears, high.SurplusFteYears));
        }

        var sorted = entries
            .OrderByDescending(e => Math.Round(e.NetCostSwingMkr, 9))
            .ThenByDescending(e => Math.Round(e.FreedFteSwing, 9))
            .ThenBy(e => e.Key, StringComparer.Ordinal)
            .ToList();
        return new SensitivityResult(plan.Scenario.Name, variation, baseForecast.FinalFreedFte, baseForecast.NetCostMkr, sorted);
    }
}
