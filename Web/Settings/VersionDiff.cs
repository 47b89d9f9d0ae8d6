using System.Text.Json;
using Sourcing.Analyzer.Assessment;
using Sourcing.Collector.Assessment;

namespace Sourcing.Web.Settings;

/// <summary>What one saved version changed compared with the one before it, in Swedish.</summary>
public static class VersionDiff
{
    public static IReadOnlyList<string> Describe(SettingsVersion version, SettingsVersion? previous)
    {
        ArgumentNullException.ThrowIfNull(version);
        return version.Kind switch
        {
            SettingsKind.Rules => Rules(GateRuleSet.FromJson(version.Json), previous is null ? GateRuleSet.Default : GateRuleSet.FromJson(previous.Json), previous is null),
            SettingsKind.Weights => Values(ScoringWeights.FromJson(version.Json), previous is null ? ScoringWeights.Default : ScoringWeights.FromJson(previous.Json), ParameterCatalog.Weights, previous is null),
            _ => Values(EffortParameters.FromJson(version.Json), previous is null ? EffortParameters.Default : EffortParameters.FromJson(previous.Json), ParameterCatalog.Effort, previous is null),
        };
    }

    private static List<string> Rules(GateRuleSet now, GateRuleSet before, bool first)
    {
        var lines = new List<string>();
        var old = before.Rules.ToDictionary(r => r.Id, StringComparer.Ordinal);
        foreach (var rule in now.Rules)
        {
            if (!old.Remove(rule.Id, out var was))
            {
                lines.Add($"Regel {rule.Id} tillkom: {rule.Description}");
                continue;
            }

            var parts = new List<string>();
            if (rule.Description != was.Description)
            {
                parts.Add("beskrivning");
            }

            if (rule.Basis != was.Basis)
            {
                parts.Add(rule.Basis == RuleBasis.Law ? "grund (nu lag)" : "grund (nu policy)");
            }

            if (rule.LawReference != was.LawReference)
            {
                parts.Add("lagrum");
            }

            if (rule.DecidedBy != was.DecidedBy || rule.DecidedOn != was.DecidedOn)
            {
                parts.Add("beslut");
            }

            if (rule.Source != was.Source || rule.SourceUrl != was.SourceUrl)
            {
                parts.Add("källa");
            }

            if (Json(rule.Condition) != Json(was.Condition))
            {
                parts.Add("villkor");
            }

            if (Json(rule.Effects) != Json(was.Effects))
            {
                parts.Add("effekter");
            }

            if (parts.Count > 0)
            {
                lines.Add($"Regel {rule.Id} ändrades: {string.Join(", ", parts)}");
            }
        }

        lines.AddRange(old.Keys.Select(id => $"Regel {id} togs bort"));
        if (lines.Count == 0)
        {
            lines.Add(first ? "Standardtabellen sparades utan ändringar" : "Inga ändringar i reglerna");
        }
        else if (first)
        {
            lines.Insert(0, "Jämfört med standardtabellen:");
        }

        return lines;
    }

    private static List<string> Values<T>(T now, T before, IReadOnlyList<ParameterField> fields, bool first)
    {
        var a = ParameterCatalog.Values(now, fields);
        var b = ParameterCatalog.Values(before, fields);
        var lines = fields
            .Where(f => a[f.Name] != b[f.Name])
            .Select(f => $"{f.Label}: {Show(b[f.Name])} → {Show(a[f.Name])} {f.Unit}")
            .ToList();
        if (lines.Count == 0)
        {
            lines.Add(first ? "Standardvärdena sparades utan ändringar" : "Inga ändrade värden");
        }
        else if (first)
        {
            lines.Insert(0, "Jämfört med standardvärdena:");
        }

        return lines;
    }

    private static string Show(double? value) => value is { } v ? ParameterCatalog.Format(v) : "tomt";

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, AssessmentJson.Options);
}
