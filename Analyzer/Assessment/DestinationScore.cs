namespace Sourcing.Analyzer.Assessment;

/// <summary>The suitability score (0–100) of one destination the gate did not block, with its factors.</summary>
public sealed record DestinationScore(
    Destination Destination,
    GateVerdict Verdict,
    double Score,
    IReadOnlyList<FactorContribution> Factors);
