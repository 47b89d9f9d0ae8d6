using Sourcing.Collector.Inventory;
using Sourcing.Collector.Sources;

namespace Sourcing.Tests.Support;

/// <summary>A collector that returns whatever the test sets, or throws what the test sets.</summary>
public sealed class FakeCollector(string kind = "vsphere") : IResourceCollector
{
    public string Kind => kind;

    public Func<SourceDefinition, IScanProgress, CancellationToken, Task<CollectResult>> Next { get; set; } =
        (_, _, _) => Task.FromResult(new CollectResult([], true, 0, 0, []));

    public SourceDefinition? LastSource { get; private set; }

    public Task<CollectResult> CollectAsync(SourceDefinition source, IScanProgress progress, CancellationToken cancellationToken)
    {
        LastSource = source;
        return Next(source, progress, cancellationToken);
    }

    public void Returns(IReadOnlyList<ResourceRecord> resources, bool complete = true, params string[] errors) =>
        Next = (_, progress, _) =>
        {
            progress.Report(resources.Count, resources.Count);
            return Task.FromResult(new CollectResult(resources, complete, 0, resources.Count, errors));
        };

    public void Throws(Exception e) => Next = (_, _, _) => throw e;
}
