using Sourcing.Analyzer.Workloads;

namespace Sourcing.Analyzer.Assessment;

/// <summary>
/// Applies a region's <see cref="GateRuleSet"/> to a workload. Every matching rule's effects are
/// collected per destination; the strictest verdict wins (Blocked over Conditional over Allowed);
/// penalties and preferences only move the score. Among rules with the same strict effect the
/// last in table order decides, because tables run from general to specific (K2, K3, K4): a K4
/// system's block is explained by the K4 rule, not by the K3 rule it also matches.
/// </summary>
public static class HostingGate
{
    public static GateResult Evaluate(Workload workload, GateRuleSet rules) =>
        Evaluate(workload.Id, GateFacts.From(workload), rules);

    public static GateResult Evaluate(Workload workload, GateRuleSet rules, SupplierRegister suppliers) =>
        Evaluate(workload.Id, GateFacts.From(workload, suppliers), rules);

    public static GateResult Evaluate(long workloadId, GateFacts facts, GateRuleSet rules)
    {
        var matched = new bool[rules.Rules.Count];
        for (var r = 0; r < matched.Length; r++)
        {
            matched[r] = rules.Rules[r].Condition.Matches(facts);
        }

        return new GateResult(workloadId, rules.Version, Decide(rules, matched, JurisdictionMask(facts)), facts);
    }

    /// <summary>One bit per destination: set when its supplier is outside the EU.</summary>
    internal static int JurisdictionMask(GateFacts facts)
    {
        var mask = 0;
        for (var i = 0; i <= (int)Destination.Retire; i++)
        {
            if (facts.JurisdictionOf((Destination)i) == Jurisdiction.NonEu)
            {
                mask |= 1 << i;
            }
        }

        return mask;
    }

    /// <summary>How a rule is referred to beside a verdict: its paragraph (law), or who decided it and when (policy).</summary>
    public static string Reference(GateRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (rule.Basis == RuleBasis.Law)
        {
            return string.IsNullOrWhiteSpace(rule.LawReference) ? "Lag" : "Lag: " + rule.LawReference;
        }

        var by = string.IsNullOrWhiteSpace(rule.DecidedBy) ? null : rule.DecidedBy.Trim();
        var on = rule.DecidedOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return (by, on) switch
        {
            (null, null) => "Policy: standardvärde i Sourcing, ännu inte fastställt av regionen",
            (null, _) => "Policy, beslutad " + on,
            (_, null) => "Policy, beslutad av " + by,
            _ => "Policy, beslutad av " + by + " " + on,
        };
    }

    /// <summary>
    /// The verdicts given which rules matched (<paramref name="matched"/>, in table order) and which
    /// destinations' suppliers are outside the EU (<paramref name="nonEu"/>, one bit per destination).
    /// They depend on nothing else, which is what lets <see cref="GateEvaluator"/> share them.
    /// </summary>
    internal static IReadOnlyList<DestinationGate> Decide(GateRuleSet rules, ReadOnlySpan<bool> matched, int nonEu)
    {
        const int count = (int)Destination.Retire + 1;
        var findings = new List<GateFinding>?[count];
        var verdicts = new GateVerdict[count];
        var deciding = new GateRule?[count];
        var points = new double[count];

        for (var r = 0; r < matched.Length; r++)
        {
            if (!matched[r])
            {
                continue;
            }

            var rule = rules.Rules[r];
            foreach (var effect in rule.Effects)
            {
                var i = (int)effect.Destination;
                var jurisdiction = (nonEu & (1 << i)) != 0 ? Jurisdiction.NonEu : Jurisdiction.Eu;
                if (effect.Effect == GateEffect.Allowed || !effect.AppliesTo(jurisdiction))
                {
                    continue;
                }

                (findings[i] ??= []).Add(new GateFinding(rule.Id, rule.Description, effect.Effect, effect.ConditionText, effect.Points, rule.Basis));
                var verdict = effect.Effect switch
                {
                    GateEffect.Blocked => GateVerdict.Blocked,
                    GateEffect.Conditional => GateVerdict.Conditional,
                    _ => GateVerdict.Allowed,
                };
                if (verdict != GateVerdict.Allowed && verdict >= verdicts[i])
                {
                    verdicts[i] = verdict;
                    deciding[i] = rule;
                }

                points[i] += effect.Effect switch
                {
                    GateEffect.Penalty or GateEffect.Conditional => -Math.Abs(effect.Points),
                    GateEffect.Preferred => Math.Abs(effect.Points),
                    _ => 0,
                };
            }
        }

        var result = new DestinationGate[count];
        for (var i = 0; i < count; i++)
        {
            var list = findings[i] ?? [];
            IReadOnlyList<string> conditions = verdicts[i] == GateVerdict.Conditional
                ? list.Where(f => f.Effect == GateEffect.Conditional).Select(f => f.ConditionText).Distinct().ToList()
                : [];
            IReadOnlyList<FactorContribution> factors = list.Count == 0 ? [] : list
                .Select(f => new FactorContribution("gate:" + f.RuleId, "Regel " + f.RuleId + ": " + f.RuleText, f.Effect switch
                {
                    GateEffect.Penalty or GateEffect.Conditional => -Math.Abs(f.Points),
                    GateEffect.Preferred => Math.Abs(f.Points),
                    _ => 0,
                }))
                .Where(f => f.Points != 0)
                .ToArray();
            var rule = deciding[i];
            result[i] = new DestinationGate((Destination)i, verdicts[i], rule?.Id, rule?.Description, conditions, list, points[i], factors,
                rule?.Basis, rule is null ? null : Reference(rule));
        }

        return result;
    }
}
