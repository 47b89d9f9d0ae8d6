using Sourcing.Analyzer.Planning;
using Sourcing.Collector.Planning;

namespace Sourcing.Tests.Collector.Planning;

internal sealed class FakePlanningSystemSource(IReadOnlyList<PlanningSystem> systems) : IPlanningSystemSource
{
    public Task<IReadOnlyList<PlanningSystem>> LoadAsync(CancellationToken cancellationToken) => Task.FromResult(systems);
}
