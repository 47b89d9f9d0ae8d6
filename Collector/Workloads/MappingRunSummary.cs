namespace Sourcing.Collector.Workloads;

/// <summary>What one mapping run did: resources placed by rules, of which new or moved, unmatched, conflicts, systems created.</summary>
public sealed record MappingRunSummary(int Assigned, int Changed, int Unmatched, int Conflicts, int WorkloadsCreated, int HandKept);
