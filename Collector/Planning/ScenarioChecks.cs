using System.Globalization;
using Sourcing.Analyzer.Planning;

namespace Sourcing.Collector.Planning;

/// <summary>
/// What a scenario must satisfy before it is stored or forecast: every parameter within its
/// plausible range, waves within the horizon with quarters 1–4, SaaS prices and people counts
/// within plausible bounds, text within its length. One place for the import, the forecast from a
/// file and the web form; each problem names its field both as the file's path and in the form's
/// Swedish words.
/// </summary>
public static class ScenarioChecks
{
    public const int MaxNameLength = 200;
    public const int MaxTextLength = 4_000;
    public const double MaxSaasPrice = 9_999_999_999;
    public const double MaxFte = 100_000;

    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    /// <summary>Problems as "path: message", as the file and the command line report them.</summary>
    public static IReadOnlyList<string> Problems(Scenario scenario) => [.. Check(scenario).Select(p => p.ForFile)];

    public static string? FirstProblem(Scenario scenario) => Problems(scenario) is [var first, ..] ? first : null;

    /// <param name="scenario">The scenario to check.</param>
    /// <param name="systemName">Names a system in the form's words (the page knows the names; the file has only ids).</param>
    public static IReadOnlyList<ScenarioProblem> Check(Scenario scenario, Func<long, string>? systemName = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        systemName ??= id => "system " + id.ToString(CultureInfo.InvariantCulture);
        var problems = new List<ScenarioProblem>();
        if (scenario.Name.Length > MaxNameLength)
        {
            problems.Add(new("name", "Namn", $"högst {MaxNameLength} tecken."));
        }

        if (scenario.Owner.Length > MaxNameLength)
        {
            problems.Add(new("owner", "Ägare", $"högst {MaxNameLength} tecken."));
        }

        if (scenario.Description.Length > MaxTextLength)
        {
            problems.Add(new("description", "Beskrivning", $"högst {MaxTextLength} tecken."));
        }

        if (scenario.StartYear is < 2000 or > 2100)
        {
            problems.Add(new("startYear", "Startår", $"måste vara 2000–2100 (är {scenario.StartYear})."));
        }

        foreach (var (key, value) in scenario.Parameters.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (PlanningDefaults.Problem(key, value) is { } problem)
            {
                // The parameter's message already names it with its label and key.
                problems.Add(new("parameters." + key, "", problem));
            }
        }

        for (var i = 0; i < scenario.Rules.Count; i++)
        {
            var rule = scenario.Rules[i];
            var field = $"Regel {i + 1} ({rule.Name})";
            if (rule.Name.Length > MaxNameLength)
            {
                problems.Add(new($"rules[{i}].name", $"Regel {i + 1}, namn", $"högst {MaxNameLength} tecken."));
            }

            if (string.IsNullOrWhiteSpace(rule.Name))
            {
                problems.Add(new($"rules[{i}].name", $"Regel {i + 1}, namn", "får inte vara tomt."));
            }

            if (rule.Waves.Count == 0)
            {
                problems.Add(new($"rules[{i}].waves", field + ", vågor", "minst en våg behövs (år, eller år och kvartal)."));
            }

            if (rule.Filter.MaxConfidentiality is { } k && k is < 0 or > 4)
            {
                problems.Add(new($"rules[{i}].filter.maxConfidentiality", field + ", högst K", $"måste vara 0–4 (är {k})."));
            }

            for (var j = 0; j < rule.Waves.Count; j++)
            {
                CheckWave(scenario, rule.Waves[j], $"rules[{i}].waves[{j}]", $"{field}, våg {j + 1}", problems);
            }
        }

        for (var i = 0; i < scenario.HandMoves.Count; i++)
        {
            CheckWave(scenario, scenario.HandMoves[i].Wave, $"handMoves[{i}].wave", $"Handflytt {i + 1} ({systemName(scenario.HandMoves[i].SystemId)})", problems);
        }

        foreach (var (id, price) in scenario.SaasPrices.OrderBy(kv => kv.Key))
        {
            if (!double.IsFinite(price) || price < 0 || price > MaxSaasPrice)
            {
                problems.Add(new($"saasPrices.{id}", $"SaaS-pris för {systemName(id)}", $"måste vara 0–{MaxSaasPrice.ToString("N0", Swedish)} kr/år."));
            }
        }

        CheckFte(scenario.People.DriftFteToday, "people.driftFteToday", "Årsarbetare i drift i dag", problems);
        CheckFte(scenario.People.DevelopmentFteToday, "people.developmentFteToday", "Årsarbetare i utvecklingsroller i dag", problems);
        var roles = scenario.People.TargetRoles;
        for (var i = 0; i < roles.Count; i++)
        {
            var field = $"Målroll {i + 1} ({roles[i].Role})";
            if (string.IsNullOrWhiteSpace(roles[i].Role) || roles[i].Role.Length > MaxNameLength)
            {
                problems.Add(new($"people.targetRoles[{i}].role", $"Målroll {i + 1}, namn", $"måste vara 1–{MaxNameLength} tecken."));
            }

            // Shares are normalised, so only their proportions count; a negative one has no meaning.
            if (!double.IsFinite(roles[i].Share) || roles[i].Share < 0)
            {
                problems.Add(new($"people.targetRoles[{i}].share", field + ", andel", "får inte vara negativ."));
            }
        }

        if (roles.Count > 0 && roles.All(r => double.IsFinite(r.Share) && r.Share >= 0) && roles.Sum(r => r.Share) <= 0)
        {
            problems.Add(new("people.targetRoles", "Målroller, andelar", "minst en roll måste ha en andel över 0 %."));
        }

        return problems;
    }

    private static void CheckFte(double? value, string path, string field, List<ScenarioProblem> problems)
    {
        if (value is { } fte && (!double.IsFinite(fte) || fte < 0 || fte > MaxFte))
        {
            problems.Add(new(path, field, $"måste vara 0–{MaxFte.ToString("N0", Swedish)} FTE."));
        }
    }

    private static void CheckWave(Scenario scenario, Wave wave, string path, string field, List<ScenarioProblem> problems)
    {
        if (wave.Quarter is < 1 or > 4)
        {
            problems.Add(new(path + ".quarter", field + ", kvartal", $"måste vara 1–4 (är {wave.Quarter})."));
        }

        if (wave.Year < scenario.StartYear || wave.Year > scenario.EndYear)
        {
            problems.Add(new(path + ".year", field + ", år", $"måste ligga inom horisonten {scenario.StartYear}–{scenario.EndYear} (är {wave.Year})."));
        }
    }
}
