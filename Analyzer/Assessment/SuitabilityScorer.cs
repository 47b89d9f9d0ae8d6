using Sourcing.Analyzer.Workloads;

namespace Sourcing.Analyzer.Assessment;

/// <summary>
/// Scores each destination the gate did not block, 0–100. Every factor has a strength in [0, 1]
/// for the workload (e.g. 0.5 = half of the integrations that count as "many") and a direction
/// per destination in [−1, 1] (the sign says whether the factor speaks for or against moving
/// there, from research/domain.md §5.1). Points = weight × strength × direction; the score is
/// the base plus all points plus the gate's penalties and preferences, clamped to 0–100.
/// The factors themselves are in <see cref="ScoreBasis"/>; each score lists them when read.
/// </summary>
public static class SuitabilityScorer
{
    public static IReadOnlyList<DestinationScore> Score(
        Workload workload,
        GateResult gate,
        double driftHours,
        ScoringWeights weights,
        DateOnly today,
        double? overProvisioning = null)
    {
        var basis = new ScoreBasis(workload, driftHours, weights, today, overProvisioning);
        var destinations = gate.Destinations;
        var open = 0;
        for (var i = 0; i < destinations.Count; i++)
        {
            if (destinations[i].Verdict != GateVerdict.Blocked)
            {
                open++;
            }
        }

        var scores = new DestinationScore[open];
        var n = 0;
        for (var i = 0; i < destinations.Count; i++)
        {
            var destinationGate = destinations[i];
            if (destinationGate.Verdict != GateVerdict.Blocked)
            {
                scores[n++] = new DestinationScore(destinationGate, basis.Score(destinationGate), basis);
            }
        }

        return scores;
    }
}
