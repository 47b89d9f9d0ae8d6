using System.Text.Json;
using Sourcing.Analyzer.Assessment;

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
    string Result)
{
    /// <summary>The stored result as the analysis computed it: gate, scores, recommendation and calibrated effort.</summary>
    public WorkloadAssessment ToAssessment() =>
        JsonSerializer.Deserialize<WorkloadAssessment>(Result, AssessmentJson.Options)
        ?? throw new InvalidOperationException($"The stored assessment of system {WorkloadId} is empty.");
}
