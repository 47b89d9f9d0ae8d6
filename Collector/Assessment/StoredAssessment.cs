namespace Sourcing.Collector.Assessment;

/// <summary>A row of sourcing.assessment; <see cref="Result"/> is the WorkloadAssessment as JSON.</summary>
public sealed record StoredAssessment(
    long WorkloadId,
    DateTimeOffset ComputedAt,
    int RuleSetVersion,
    int WeightsVersion,
    string Status,
    string? Recommendation,
    double Confidence,
    double DriftHours,
    string Result);
