using Sourcing.Collector.Inventory;

namespace Sourcing.Collector.Imports;

/// <summary>A resource whose fields differ from what the store holds.</summary>
public sealed record ResourceChange(string ExternalId, string Name, IReadOnlyList<FieldChange> Fields);

/// <summary>What applying a file's resources to a source would do.</summary>
public sealed record ResourcePlan(
    IReadOnlyList<ResourceRecord> Added,
    IReadOnlyList<ResourceChange> Changed,
    IReadOnlyList<string> Removed,
    IReadOnlyList<string> Restored,
    int Unchanged)
{
    public bool HasChanges => Added.Count + Changed.Count + Removed.Count + Restored.Count > 0;
}
