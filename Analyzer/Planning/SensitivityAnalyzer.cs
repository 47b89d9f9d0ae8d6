namespace Sourcing.Analyzer.Planning;

/// <summary>
/// One-at-a-time sensitivity: each assumption is moved to the low and high end of the range its
/// source documents (<see cref="PlanningParameter.Low"/>–<see cref="PlanningParameter.High"/>,
/// taken relative to the default when the scenario has its own value) while the others keep
/// theirs. Assumptions without a documented range (scenario choices) are left out; with
/// <c>variation</c> given explicitly, every assumption moves by that share instead. It shows which defaults the decision hangs on, i.e. which ones the
/// region should replace with its own figures first. Reuses the compiled plan, so each step is
/// only the yearly loop.
/// </summary>
public static class SensitivityAnalyzer
{
    public const double DefaultVariation = 0.2;

    public static SensitivityResult Run(CompiledPlan plan, PlanningAssumptions? assumptions = null, IReadOnlyList<string>? keys = null, double? variation = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var baseAssumptions = assumptions ?? PlanningAssumptions.ForScenario(plan.Scenario);
        var baseForecast = Forecaster.Run(plan, baseAssumptions, withBreakEven: false);
        var entries = new List<SensitivityEntry>();
        foreach (var key in keys ?? [.. PlanningDefaults.All.Select(p => p.Key)])
        {
            var value = baseAssumptions[key];
            if (Range(PlanningDefaults.Get(key), value, variation) is not var (lowValue, highValue))
            {
                continue;
            }

            var low = Forecaster.Run(plan, baseAssumptions.With(key, lowValue), withBreakEven: false);
            var high = Forecaster.Run(plan, baseAssumptions.With(key, highValue), withBreakEven: false);
            entries.Add(new SensitivityEntry(key, PlanningDefaults.Get(key).Label, value, lowValue, highValue,
                low.FinalFreedFte, high.FinalFreedFte, low.NominalDifferenceMkr, high.NominalDifferenceMkr, low.SurplusFteYears, high.SurplusFteYears));
        }

        var sorted = entries
            .OrderByDescending(e => Math.Round(e.NetCostSwingMkr, 9))
            .ThenByDescending(e => Math.Round(e.FreedFteSwing, 9))
            .ThenBy(e => e.Key, StringComparer.Ordinal)
            .ToList();
        return new SensitivityResult(plan.Scenario.Name, variation ?? 0, baseForecast.FinalFreedFte, baseForecast.NominalDifferenceMkr, sorted);
    }

    private static (double Low, double High)? Range(PlanningParameter parameter, double value, double? variation) =>
        variation is { } share ? (value * (1 - share), value * (1 + share)) : parameter.RangeAround(value);
}
