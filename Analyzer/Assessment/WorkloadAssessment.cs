namespace Sourcing.Analyzer.Assessment;

/// <summary>Everything the analysis says about one system.</summary>
public sealed record WorkloadAssessment(
    long WorkloadId,
    string Name,
    GateResult Gate,
    IReadOnlyList<DestinationScore> Scores,
    Recommendation Recommendation,
    DriftEffort Effort)
{
    public double Confidence => Recommendation.Confidence;

    public IReadOnlyList<string> MissingFields => Recommendation.MissingFields;

    public double DriftHours => Effort.Hours;
}
