namespace Sourcing.Analyzer.Workloads.Mapping;

/// <summary>
/// A resource that more than one rule places in different workloads (or departments). The first rule
/// (<see cref="RuleIds"/>[0]) won; the others are listed so that someone fixes the rules or the tags.
/// </summary>
public sealed record MappingConflict(long ResourceId, IReadOnlyList<long> RuleIds, IReadOnlyList<string> Workloads);
