namespace Sourcing.Analyzer.Workloads.Mapping;

/// <summary>What one pass of the rules produced. Hand-assigned resources appear in none of the lists.</summary>
public sealed record MappingResult(
    IReadOnlyList<MappingAssignment> Assignments,
    IReadOnlyList<MappingConflict> Conflicts,
    IReadOnlyList<long> Unmatched);
