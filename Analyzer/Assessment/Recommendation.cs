namespace Sourcing.Analyzer.Assessment;

/// <summary>
/// The rules' recommendation for one system. <see cref="Destination"/> is null unless the status
/// is Recommended: a system without classification is never given a destination silently.
/// <see cref="ProvisionalDestination"/> is what the scores would pick under the gate's safe
/// assumptions (shown as "preliminärt", and used as the rule baseline when learning).
/// <see cref="MissingFields"/> lists what to fill in (Swedish field names).
/// </summary>
public sealed record Recommendation(
    RecommendationStatus Status,
    Destination? Destination,
    Destination? ProvisionalDestination,
    string Reason,
    double Confidence,
    IReadOnlyList<string> MissingFields);
