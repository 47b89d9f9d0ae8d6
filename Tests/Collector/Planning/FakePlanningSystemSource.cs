using Sourcing.Analyzer.Planning;
using Sourcing.Collector.Planning;

namespace Sourcing.Tests.Collector.Planning;

internal sealed class FakePlanningSystemSource(IReadOnlyList<PlanningSystem> systems) : IEstateSource
{
    public Task<Estate> LoadAsync(CancellationToken cancellationToken) => Task.FromResult(Estate.Of(systems));
}
