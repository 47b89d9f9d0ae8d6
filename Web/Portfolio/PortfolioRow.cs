using Sourcing.Analyzer;
using Sourcing.Analyzer.Assessment;
using Sourcing.Analyzer.Workloads;

namespace Sourcing.Web.Portfolio;

/// <summary>
/// One system as the portfolio list shows it: attributes, size, worst OS support and the stored
/// assessment (null fields when the system has not been assessed yet).
/// </summary>
public sealed record PortfolioRow(
    Workload Workload,
    int VmCount,
    SupportStatus? WorstSupport,
    RecommendationStatus? Status,
    Destination? Recommendation,
    double? Confidence,
    double? DriftHours,
    string? Reason,
    IReadOnlyList<string> MissingFields)
{
    /// <summary>The filter/chart key of the recommendation: a destination name, "missing", "blocked" or "none" (not assessed).</summary>
    public string RecommendationKey => Status switch
    {
        null => "none",
        RecommendationStatus.InsufficientData => "missing",
        RecommendationStatus.NoAllowedDestination => "blocked",
        _ => Recommendation?.ToString() ?? "none",
    };
}
