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

    /// <summary>
    /// Reads the estate handing records to <paramref name="sink"/> as they are read; the result's
    /// <see cref="CollectResult.Resources"/> is then empty. Collectors that read large estates stream; the default reads
    /// everything first and hands it over in one batch.
    /// </summary>
    async Task<CollectResult> CollectAsync(SourceDefinition source, IResourceSink sink, IScanProgress progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sink);
        var result = await CollectAsync(source, progress, cancellationToken);
        await sink.AddAsync(result.Resources, cancellationToken);
        return result with { Resources = [] };
    }
}
