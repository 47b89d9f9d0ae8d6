using System.Collections.Concurrent;
using Sourcing.Collector.Inventory;

namespace Sourcing.Tests.Collector.VSphere;

public sealed class RecordingProgress : IScanProgress
{
    private readonly ConcurrentQueue<(int Done, int Total)> _reports = new();

    public IReadOnlyList<(int Done, int Total)> Reports => [.. _reports];

    public void Report(int done, int total, string? text = null) => _reports.Enqueue((done, total));
}
