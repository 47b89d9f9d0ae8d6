namespace Sourcing.Collector.Inventory;

/// <summary>
/// Where a collector hands its records while it reads, a batch at a time, so a scan need not hold the whole estate
/// (and its vendor JSON) in memory. Calls may come from several tasks; implementations serialise them.
/// </summary>
public interface IResourceSink
{
    ValueTask AddAsync(IReadOnlyList<ResourceRecord> batch, CancellationToken cancellationToken);
}
