using System.Globalization;

namespace Sourcing.Analyzer.Planning;

/// <summary>
/// Puts 2–4 scenarios side by side against the baseline and names the assumptions that differ,
/// because a comparison is only honest when the reader sees what was changed between them.
/// </summary>
public static class ScenarioComparer
{
    public const int MinScenarios = 2;
    public const int MaxScenarios = 4;
    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    public static ScenarioComparison Compare(IReadOnlyList<(Scenario Scenario, Forecast Forecast)> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count is < MinScenarios or > MaxScenarios)
        {
            throw new ArgumentException($"Jämför {MinScenarios}–{MaxScenarios} scenarier (fick {items.Count}).", nameof(items));
        }

        // Only the years every scenario covers: a 5-year total beside a 6-year one says nothing.
        var all = items.SelectMany(i => i.Forecast.Years.Select(y => y.Year)).Distinct().Order().ToList();
        var years = all.Where(y => items.All(i => i.Forecast.Years.Any(f => f.Year == y))).ToList();
        var horizonsDiffer = all.Count != years.Count;
        // The baseline is "no change": today's staff stays, and the difference to itself is zero.
        var first = items[0].Forecast;
        var baseline = new ComparisonSeries("Ingen förändring",
            [.. years.Select(y => new ComparisonPoint(y, first.DriftFteToday, first.DevelopmentFteToday, 0, 0))]);
        var series = items.Select(i => new ComparisonSeries(i.Scenario.Name, Common(i.Forecast, years))).ToList();

        return new ScenarioComparison(years, baseline, series, Differences(items), horizonsDiffer);
    }

    /// <summary>The forecast's points in the common years; the running totals start at the first common year.</summary>
    private static List<ComparisonPoint> Common(Forecast forecast, List<int> years)
    {
        var points = new List<ComparisonPoint>();
        var cumulative = 0.0;
        var surplus = 0.0;
        foreach (var y in forecast.Years.Where(y => years.Contains(y.Year)))
        {
            cumulative += y.LikeForLikeDifferenceMkr;
            surplus += y.SurplusFte;
            points.Add(new ComparisonPoint(y.Year, y.DriftFte, y.UtvecklingFte, y.FreedFte, cumulative, surplus));
        }

        return points;
    }

    private static List<AssumptionDifference> Differences(IReadOnlyList<(Scenario Scenario, Forecast Forecast)> items)
    {
        var result = new List<AssumptionDifference>();
        void AddIfDifferent(string key, string label, Func<Scenario, Forecast, int, string> value)
        {
            var values = items.Select((i, index) => value(i.Scenario, i.Forecast, index)).ToList();
            if (values.Distinct(StringComparer.Ordinal).Count() > 1)
            {
                result.Add(new AssumptionDifference(key, label, values));
            }
        }

        AddIfDifferent("start_year", "Startår", (s, _, _) => s.StartYear.ToString(Swedish));
        AddIfDifferent("horizon_years", "Horisont (år)", (s, _, _) => s.HorizonYears.ToString(Swedish));
        AddIfDifferent("drift_fte_today", "Drift-FTE idag", (_, f, _) => f.DriftFteToday.ToString("N1", Swedish));
        AddIfDifferent("development_fte_today", "Utvecklings-FTE idag", (_, f, _) => f.DevelopmentFteToday.ToString("N1", Swedish));
        AddIfDifferent("rules", "Flyttregler", (s, _, _) => s.Rules.Count == 0 ? "–" : string.Join("; ", s.Rules.Select(r => r.Name)));
        AddIfDifferent("hand_moves", "Handflyttar", (s, _, _) => s.HandMoves.Count.ToString(Swedish));
        AddIfDifferent("cloud_prices", "Molnprislista", (s, _, _) => s.CloudPrices is { } p ? $"{p.AsOf:yyyy-MM-dd} ({p.Region})" : "standard");
        AddIfDifferent("saas_prices", "Kända SaaS-priser", (s, _, _) => s.SaasPrices.Count.ToString(Swedish));
        AddIfDifferent("target_roles", "Målroller", (s, _, _) => string.Join("; ", s.People.TargetRoles.Select(r => $"{r.Role} {r.Share.ToString("0.##", Swedish)}")));

        var assumptions = items.Select(i => PlanningAssumptions.ForScenario(i.Scenario)).ToList();
        foreach (var parameter in PlanningDefaults.All)
        {
            AddIfDifferent(parameter.Key, parameter.Label, (s, _, _) =>
            {
                var index = items.Select(i => i.Scenario).ToList().IndexOf(s);
                return $"{assumptions[index][parameter.Key].ToString("0.###", Swedish)} {parameter.Unit}";
            });
        }

        return result;
    }
}
