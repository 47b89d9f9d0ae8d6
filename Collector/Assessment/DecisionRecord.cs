using Sourcing.Analyzer;
using Sourcing.Analyzer.Workloads;

namespace Sourcing.Collector.Assessment;

/// <summary>A recorded decision with the system as it was and what the rules said at the time.</summary>
public sealed record DecisionRecord(
    long Id,
    long WorkloadId,
    Destination Destination,
    string Reason,
    string DecidedBy,
    DateTimeOffset DecidedAt,
    Destination? RecommendedDestination,
    double? RecommendedConfidence,
    Workload Workload);
