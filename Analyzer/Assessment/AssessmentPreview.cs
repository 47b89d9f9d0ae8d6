namespace Sourcing.Analyzer.Assessment;

/// <summary>
/// What a change of settings would do before it is saved: every system is assessed with the
/// settings in force and with the proposed ones, and the systems whose verdicts, recommendation or
/// destination order differ are listed, with a count per destination. Computed by the same
/// <see cref="Assessor"/> the nightly analysis uses, so the preview announces exactly what saving does.
/// </summary>
public sealed record AssessmentPreview(
    int SystemCount,
    IReadOnlyList<AssessmentChange> Changes,
    IReadOnlyList<DestinationPreviewCount> PerDestination)
{
    public static AssessmentPreview Compare(AssessmentInput current, AssessmentInput proposed)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(proposed);
        var before = Assessor.Assess(current).Workloads;
        var after = Assessor.Assess(proposed).Workloads;
        if (before.Count != after.Count)
        {
            throw new ArgumentException("Both inputs must hold the same systems.", nameof(proposed));
        }

        const int count = (int)Destination.Retire + 1;
        var verdictChanges = new int[count];
        var gained = new int[count];
        var lost = new int[count];
        var changes = new List<AssessmentChange>();
        for (var i = 0; i < before.Count; i++)
        {
            var b = before[i];
            var a = after[i];
            var verdicts = new List<VerdictChange>();
            for (var d = 0; d < count; d++)
            {
                var vb = b.Gate.Destinations[d].Verdict;
                var va = a.Gate.Destinations[d].Verdict;
                if (vb != va)
                {
                    verdicts.Add(new VerdictChange((Destination)d, vb, va));
                    verdictChanges[d]++;
                }
            }

            var change = new AssessmentChange(
                b.WorkloadId, b.Name, verdicts,
                b.Recommendation.Status, b.Recommendation.Destination,
                a.Recommendation.Status, a.Recommendation.Destination,
                Rank(b), Rank(a));
            if (verdicts.Count == 0 && !change.RecommendationChanged && !change.RankChanged)
            {
                continue;
            }

            changes.Add(change);
            if (change.RecommendationChanged)
            {
                if (change.RecommendationBefore is { } from)
                {
                    lost[(int)from]++;
                }

                if (change.RecommendationAfter is { } to)
                {
                    gained[(int)to]++;
                }
            }
        }

        var perDestination = Enumerable.Range(0, count)
            .Select(d => new DestinationPreviewCount((Destination)d, verdictChanges[d], gained[d], lost[d]))
            .ToList();
        return new AssessmentPreview(before.Count, changes, perDestination);
    }

    /// <summary>The destinations the gate leaves open, best score first (ties in destination order).</summary>
    private static Destination[] Rank(WorkloadAssessment assessment) =>
        [.. assessment.Scores.OrderByDescending(s => s.Score).ThenBy(s => s.Destination).Select(s => s.Destination)];
}

/// <summary>Per destination: systems whose verdict changes, and systems that gain or lose it as their recommendation.</summary>
public sealed record DestinationPreviewCount(Destination Destination, int VerdictChanges, int RecommendationsGained, int RecommendationsLost);
