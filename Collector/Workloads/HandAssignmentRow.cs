namespace Sourcing.Collector.Workloads;

/// <summary>A resource someone put in a system by hand; rules leave it alone until the hand assignment is removed.</summary>
public sealed record HandAssignmentRow(long ResourceId, string ResourceName, long WorkloadId, string WorkloadName, DateTimeOffset AssignedAt, string? AssignedBy);
