using Sourcing.Analyzer.Planning;

namespace Sourcing.Collector.Planning;

/// <summary>
/// What a scenario must satisfy before it is stored or forecast: every parameter within its
/// plausible range, waves within the horizon with quarters 1–4, text within its length. One
/// place for the import, the forecast from a file and the web form; messages name the field.
/// </summary>
public static class ScenarioChecks
{
    public const int MaxNameLength = 200;
    public const int MaxTextLength = 4_000;

    public static IReadOnlyList<string> Problems(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var problems = new List<string>();
        if (scenario.Name.Length > MaxNameLength)
        {
            problems.Add($"name: högst {MaxNameLength} tecken.");
        }

        if (scenario.Owner.Length > MaxNameLength)
        {
            problems.Add($"owner: högst {MaxNameLength} tecken.");
        }

        if (scenario.Description.Length > MaxTextLength)
        {
            problems.Add($"description: högst {MaxTextLength} tecken.");
        }

        if (scenario.StartYear is < 2000 or > 2100)
        {
            problems.Add($"startYear: måste vara 2000–2100 (är {scenario.StartYear}).");
        }

        foreach (var (key, value) in scenario.Parameters.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (PlanningDefaults.Problem(key, value) is { } problem)
            {
                problems.Add("parameters." + problem);
            }
        }

        for (var i = 0; i < scenario.Rules.Count; i++)
        {
            var rule = scenario.Rules[i];
            if (rule.Name.Length > MaxNameLength)
            {
                problems.Add($"rules[{i}].name: högst {MaxNameLength} tecken.");
            }

            for (var j = 0; j < rule.Waves.Count; j++)
            {
                CheckWave(scenario, rule.Waves[j], $"rules[{i}].waves[{j}]", problems);
            }
        }

        for (var i = 0; i < scenario.HandMoves.Count; i++)
        {
            CheckWave(scenario, scenario.HandMoves[i].Wave, $"handMoves[{i}].wave", problems);
        }

        foreach (var (id, price) in scenario.SaasPrices)
        {
            if (!double.IsFinite(price) || price < 0 || price > 9_999_999_999)
            {
                problems.Add($"saasPrices.{id}: måste vara 0–9 999 999 999 kr/år.");
            }
        }

        if (scenario.People.DriftFteToday is { } drift && (!double.IsFinite(drift) || drift < 0 || drift > 100_000))
        {
            problems.Add("people.driftFteToday: måste vara 0–100 000 FTE.");
        }

        if (scenario.People.DevelopmentFteToday is { } dev && (!double.IsFinite(dev) || dev < 0 || dev > 100_000))
        {
            problems.Add("people.developmentFteToday: måste vara 0–100 000 FTE.");
        }

        return problems;
    }

    public static string? FirstProblem(Scenario scenario) => Problems(scenario) is [var first, ..] ? first : null;

    private static void CheckWave(Scenario scenario, Wave wave, string field, List<string> problems)
    {
        if (wave.Quarter is < 1 or > 4)
        {
            problems.Add($"{field}.quarter: måste vara 1–4 (är {wave.Quarter}).");
        }

        if (wave.Year < scenario.StartYear || wave.Year > scenario.EndYear)
        {
            problems.Add($"{field}.year: måste ligga inom horisonten {scenario.StartYear}–{scenario.EndYear} (är {wave.Year}).");
        }
    }
}
