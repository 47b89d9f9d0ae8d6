namespace Sourcing.Analyzer.Workloads.Mapping;

/// <summary>A resource placed in a workload by the rule <see cref="RuleId"/>. Department and object are null when the rule gave none.</summary>
public sealed record MappingAssignment(long ResourceId, long RuleId, string Workload, string? Department, string? ManagementObject);
