using Sourcing.Collector.Sources;

namespace Sourcing.Collector.Inventory;

/// <summary>
/// Reads one source's estate. Throws when the source cannot be read at all (down, wrong
/// credentials, certificate refused): the scan is then failed and the inventory untouched.
/// Returns a result with Complete = false when only part could be read.
/// </summary>
public interface IResourceCollector
{
    /// <summary>The source kind this collector reads ("vsphere", "azure").</summary>
    string Kind { get; }

    Task<CollectResult> CollectAsync(SourceDefinition source, IScanProgress progress, CancellationToken cancellationToken);
}
