using System.Globalization;
using System.Text;
using Sourcing.Analyzer.Workloads;

namespace Sourcing.Analyzer.Assessment;

/// <summary>
/// Picks the best-scoring destination the gate allows, explains it in plain Swedish and says how
/// sure it is. Confidence starts at 1 and drops for every missing field by how much that field can
/// change the outcome (K most of all, since it decides the gate), and for a narrow lead over the
/// runner-up: confidence = completeness × (0.6 + 0.4 × min(1, lead / 20 points)).
/// </summary>
public static class Recommender
{
    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    [ThreadStatic]
    private static StringBuilder? _builder;

    /// <summary>How much each missing field lowers completeness.</summary>
    private static readonly Dictionary<string, double> MissingCost = new(StringComparer.Ordinal)
    {
        [FieldNames.Confidentiality] = 0.35,
        [FieldNames.PersonalData] = 0.15,
        [FieldNames.Availability] = 0.05,
        [FieldNames.AvailabilityNeed] = 0.05,
        [FieldNames.Integrity] = 0.02,
        [FieldNames.SecurityClassified] = 0.05,
        [FieldNames.MedicalDevice] = 0.05,
        [FieldNames.RequiresOffline] = 0.03,
        [FieldNames.InHouseBuilt] = 0.05,
        [FieldNames.SaasAvailable] = 0.05,
        [FieldNames.IntegrationCount] = 0.05,
        [FieldNames.ContractEnd] = 0.03,
        [FieldNames.Resources] = 0.10,
        [FieldNames.OsSupport] = 0.05,
    };

    public static IReadOnlyList<string> MissingFields(Workload workload, GateFacts facts)
    {
        List<string>? missing = null;
        void Add(string field) => (missing ??= new List<string>(facts.MissingFields)).Add(field);

        if (workload.InHouseBuilt is null)
        {
            Add(FieldNames.InHouseBuilt);
        }

        if (workload.SaasAvailable == Tristate.Unknown && workload.InHouseBuilt != true)
        {
            Add(FieldNames.SaasAvailable);
        }

        if (workload.IntegrationCount is null)
        {
            Add(FieldNames.IntegrationCount);
        }

        // Only bought products have a contract that ends.
        if (workload.ContractEnd is null && workload.InHouseBuilt == false)
        {
            Add(FieldNames.ContractEnd);
        }

        if (workload.Resources.Count == 0)
        {
            Add(FieldNames.Resources);
        }
        else
        {
            var resources = workload.Resources;
            for (var i = 0; i < resources.Count; i++)
            {
                var resource = resources[i];
                if (resource.Support == SupportStatus.Unknown && (resource.OsFamily is not null || string.Equals(resource.Kind, "vm", StringComparison.OrdinalIgnoreCase)))
                {
                    Add(FieldNames.OsSupport);
                    break;
                }
            }
        }

        return (IReadOnlyList<string>?)missing ?? facts.MissingFields;
    }

    public static Recommendation Recommend(GateResult gate, IReadOnlyList<DestinationScore> scores, IReadOnlyList<string> missingFields)
    {
        // Indexed loops: foreach over an IReadOnlyList allocates an enumerator, per system.
        var completeness = 1.0;
        for (var i = 0; i < missingFields.Count; i++)
        {
            completeness -= MissingCost.GetValueOrDefault(missingFields[i], 0.02);
        }

        completeness = Math.Clamp(completeness, 0.05, 1);

        DestinationScore? best = null;
        DestinationScore? second = null;
        for (var i = 0; i < scores.Count; i++)
        {
            var score = scores[i];
            if (best is null || Better(score, best))
            {
                second = best;
                best = score;
            }
            else if (second is null || Better(score, second))
            {
                second = score;
            }
        }

        if (best is null)
        {
            return new Recommendation(RecommendationStatus.NoAllowedDestination, null, null,
                "Regelverket blockerar alla alternativ. Kontrollera regeluppsättningen.", 0, missingFields);
        }

        var lead = second is null ? 20 : best.Score - second.Score;
        var confidence = Math.Round(completeness * (0.6 + (0.4 * Math.Min(1, lead / 20))), 3);

        // The reason is written when first read (see Recommendation), from what is passed here.
        return gate.Facts.ClassificationMissing
            ? new Recommendation(RecommendationStatus.InsufficientData, null, best.Destination, Math.Min(confidence, 0.3), missingFields, gate, best, second)
            : new Recommendation(RecommendationStatus.Recommended, best.Destination, best.Destination, confidence, missingFields, gate, best, second);
    }

    /// <summary>The reason text of a recommendation with a best destination, in plain Swedish.</summary>
    internal static string Reason(RecommendationStatus status, GateResult gate, DestinationScore best, DestinationScore? second, IReadOnlyList<string> missingFields)
    {
        if (status == RecommendationStatus.InsufficientData)
        {
            var text = new StringBuilder("Underlag saknas: informationsklassningen (K) är inte ifylld, så ingen destination rekommenderas. ");
            text.Append(CultureInfo.InvariantCulture, $"Preliminärt, om systemet bedöms som K{GateFacts.AssumedConfidentiality}: {DestinationNames.Swedish(best.Destination)}. ");
            text.Append("Fyll i: ").Append(string.Join(", ", missingFields)).Append('.');
            return text.ToString();
        }

        return Reason(gate, best, second);
    }

    // Higher score first; on a tie Allowed before Conditional, then the Destination order (in-house first: no move).
    private static bool Better(DestinationScore a, DestinationScore b) =>
        a.Score != b.Score ? a.Score > b.Score
        : a.Verdict != b.Verdict ? a.Verdict < b.Verdict
        : a.Destination < b.Destination;

    private static string Reason(GateResult gate, DestinationScore best, DestinationScore? second)
    {
        // One builder per thread: this runs for every system and the builder's buffers were a
        // large share of the garbage.
        var text = _builder ??= new StringBuilder(512);
        text.Clear();
        text.Append(DestinationNames.Swedish(best.Destination))
            .Append(" får högst poäng (")
            .Append(Swedish, $"{best.Score:0}")
            .Append(" av 100");
        if (second is not null)
        {
            text.Append("; näst bäst ").Append(DestinationNames.SwedishLower(second.Destination))
                .Append(' ').Append(Swedish, $"{second.Score:0}");
        }

        text.Append(").");
        AppendTop(text, " Talar för: ", best.Factors, positive: true, 3);
        AppendTop(text, " Talar emot: ", best.Factors, positive: false, 2);

        var first = true;
        var destinations = gate.Destinations;
        for (var i = 0; i < destinations.Count; i++)
        {
            var destination = destinations[i];
            if (destination.Verdict != GateVerdict.Blocked)
            {
                continue;
            }

            text.Append(first ? " Blockerat: " : ", ")
                .Append(DestinationNames.SwedishLower(destination.Destination))
                .Append(" (regel ").Append(destination.DecidingRuleId).Append(')');
            first = false;
        }

        if (!first)
        {
            text.Append('.');
        }

        if (best.Verdict == GateVerdict.Conditional)
        {
            text.Append(" Villkor: ").AppendJoin(' ', gate.For(best.Destination).Conditions);
        }

        return text.ToString();
    }

    // Factor labels are a small fixed set: adjust each once, not once per system. Only the first
    // letter goes to lower case, and not in a word like "SaaS" that has capitals of its own ("K3" stays).
    private static string Lower(string label) => LowerLabels.GetOrAdd(label, static l =>
    {
        var word = l.Split(' ', 2)[0];
        return l.Length > 0 && word.Skip(1).All(c => !char.IsUpper(c)) ? char.ToLowerInvariant(l[0]) + l[1..] : l;
    });

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> LowerLabels = new(StringComparer.Ordinal);

    // The strongest factors in one direction, strongest first; a plain selection, as this runs
    // for every system and sorting with LINQ cost more than the rest of the recommendation.
    private static void AppendTop(StringBuilder text, string heading, IReadOnlyList<FactorContribution> factors, bool positive, int take)
    {
        Span<int> chosen = stackalloc int[take];
        var n = 0;
        for (; n < take; n++)
        {
            var pick = -1;
            for (var i = 0; i < factors.Count; i++)
            {
                var points = factors[i].Points;
                if ((positive ? points <= 0 : points >= 0) || chosen[..n].Contains(i))
                {
                    continue;
                }

                if (pick < 0 || (positive ? points > factors[pick].Points : points < factors[pick].Points))
                {
                    pick = i;
                }
            }

            if (pick < 0)
            {
                break;
            }

            chosen[n] = pick;
        }

        for (var i = 0; i < n; i++)
        {
            text.Append(i == 0 ? heading : ", ").Append(Lower(factors[chosen[i]].Label));
        }

        if (n > 0)
        {
            text.Append('.');
        }
    }
}
