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
        var missing = new List<string>(facts.MissingFields);
        if (workload.InHouseBuilt is null)
        {
            missing.Add(FieldNames.InHouseBuilt);
        }

        if (workload.SaasAvailable == Tristate.Unknown && workload.InHouseBuilt != true)
        {
            missing.Add(FieldNames.SaasAvailable);
        }

        if (workload.IntegrationCount is null)
        {
            missing.Add(FieldNames.IntegrationCount);
        }

        // Only bought products have a contract that ends.
        if (workload.ContractEnd is null && workload.InHouseBuilt == false)
        {
            missing.Add(FieldNames.ContractEnd);
        }

        if (workload.Resources.Count == 0)
        {
            missing.Add(FieldNames.Resources);
        }
        else
        {
            foreach (var resource in workload.Resources)
            {
                if (resource.Support == SupportStatus.Unknown && (resource.OsFamily is not null || string.Equals(resource.Kind, "vm", StringComparison.OrdinalIgnoreCase)))
                {
                    missing.Add(FieldNames.OsSupport);
                    break;
                }
            }
        }

        return missing;
    }

    public static Recommendation Recommend(GateResult gate, IReadOnlyList<DestinationScore> scores, IReadOnlyList<string> missingFields)
    {
        var completeness = 1.0;
        foreach (var field in missingFields)
        {
            completeness -= MissingCost.GetValueOrDefault(field, 0.02);
        }

        completeness = Math.Clamp(completeness, 0.05, 1);

        DestinationScore? best = null;
        DestinationScore? second = null;
        foreach (var score in scores)
        {
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

        if (gate.Facts.ClassificationMissing)
        {
            var text = new StringBuilder("Underlag saknas: informationsklassningen (K) är inte ifylld, så ingen destination rekommenderas. ");
            text.Append(CultureInfo.InvariantCulture, $"Preliminärt, om systemet bedöms som K{GateFacts.AssumedConfidentiality}: {DestinationNames.Swedish(best.Destination)}. ");
            text.Append("Fyll i: ").Append(string.Join(", ", missingFields)).Append('.');
            return new Recommendation(RecommendationStatus.InsufficientData, null, best.Destination, text.ToString(),
                Math.Min(confidence, 0.3), missingFields);
        }

        return new Recommendation(RecommendationStatus.Recommended, best.Destination, best.Destination,
            Reason(gate, best, second), confidence, missingFields);
    }

    // Higher score first; on a tie Allowed before Conditional, then the Destination order (in-house first: no move).
    private static bool Better(DestinationScore a, DestinationScore b) =>
        a.Score != b.Score ? a.Score > b.Score
        : a.Verdict != b.Verdict ? a.Verdict < b.Verdict
        : a.Destination < b.Destination;

    private static string Reason(GateResult gate, DestinationScore best, DestinationScore? second)
    {
        var text = new StringBuilder();
        text.Append(DestinationNames.Swedish(best.Destination))
            .Append(" får högst poäng (")
            .Append(best.Score.ToString("0", Swedish))
            .Append(" av 100");
        if (second is not null)
        {
            text.Append("; näst bäst ").Append(DestinationNames.Swedish(second.Destination).ToLower(Swedish))
                .Append(' ').Append(second.Score.ToString("0", Swedish));
        }

        text.Append(").");
        var reasons = best.Factors.Where(f => f.Points > 0).OrderByDescending(f => f.Points).Take(3).Select(f => f.Label.ToLower(Swedish)).ToList();
        if (reasons.Count > 0)
        {
            text.Append(" Talar för: ").Append(string.Join(", ", reasons)).Append('.');
        }

        var against = best.Factors.Where(f => f.Points < 0).OrderBy(f => f.Points).Take(2).Select(f => f.Label.ToLower(Swedish)).ToList();
        if (against.Count > 0)
        {
            text.Append(" Talar emot: ").Append(string.Join(", ", against)).Append('.');
        }

        var blocked = gate.Destinations.Where(d => d.Verdict == GateVerdict.Blocked).ToList();
        if (blocked.Count > 0)
        {
            text.Append(" Blockerat: ").Append(string.Join(", ", blocked.Select(b => $"{DestinationNames.Swedish(b.Destination).ToLower(Swedish)} (regel {b.DecidingRuleId})"))).Append('.');
        }

        if (best.Verdict == GateVerdict.Conditional)
        {
            text.Append(" Villkor: ").Append(string.Join(" ", gate.For(best.Destination).Conditions));
        }

        return text.ToString();
    }
}
