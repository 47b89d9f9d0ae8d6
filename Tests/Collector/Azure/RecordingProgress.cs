using System.Collections.Concurrent;
using Sourcing.Collector.Inventory;

namespace Sourcing.Tests.Collector.Azure;

/// <summary>Remembers every progress report.</summary>
public sealed class RecordingProgress : IScanProgress
{
    public ConcurrentQueue<(int Done, int Total, string? Text)> Reports { get; } = new();

    public void Report(int done, int total, string? text = null) => Reports.Enqueue((done, total, text));
}
