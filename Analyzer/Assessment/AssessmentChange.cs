namespace Sourcing.Analyzer.Assessment;

/// <summary>
/// How one system's assessment differs between the settings in force and proposed ones: the
/// destinations whose verdict changes, the recommendation before and after, and the order of the
/// destinations by score (the rank) before and after.
/// </summary>
public sealed record AssessmentChange(
    long WorkloadId,
    string Name,
    IReadOnlyList<VerdictChange> Verdicts,
    RecommendationStatus StatusBefore,
    Destination? RecommendationBefore,
    RecommendationStatus StatusAfter,
    Destination? RecommendationAfter,
    IReadOnlyList<Destination> RankBefore,
    IReadOnlyList<Destination> RankAfter)
{
    public bool RecommendationChanged => StatusBefore != StatusAfter || RecommendationBefore != RecommendationAfter;

    public bool RankChanged => !RankBefore.SequenceEqual(RankAfter);
}

/// <summary>One destination whose gate verdict changes for a system.</summary>
public sealed record VerdictChange(Destination Destination, GateVerdict Before, GateVerdict After);
