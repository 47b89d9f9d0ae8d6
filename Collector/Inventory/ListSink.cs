namespace Sourcing.Collector.Inventory;

/// <summary>Keeps every record in memory: for callers that want the list (tests, the CLI's small reads), not for scans.</summary>
public sealed class ListSink : IResourceSink
{
    private readonly Lock _gate = new();
    private readonly List<ResourceRecord> _records = [];

    public IReadOnlyList<ResourceRecord> Records
    {
        get
        {
            lock (_gate)
            {
                return [.. _records];
            }
        }
    }

    public ValueTask AddAsync(IReadOnlyList<ResourceRecord> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        lock (_gate)
        {
            _records.AddRange(batch);
        }

        return ValueTask.CompletedTask;
    }
}
