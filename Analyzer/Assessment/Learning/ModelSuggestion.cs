namespace Sourcing.Analyzer.Assessment.Learning;

/// <summary>
/// What the learned model suggests for one system, shown beside the rules' recommendation and
/// never in its place. <see cref="Disagrees"/> is true when the two differ (or the rules have no
/// recommendation), so the page can flag it.
/// </summary>
public sealed record ModelSuggestion(
    Destination Suggested,
    double Probability,
    Destination? RuleDestination,
    bool Disagrees,
    string Text);
