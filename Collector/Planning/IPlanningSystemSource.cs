using Sourcing.Analyzer.Planning;

namespace Sourcing.Collector.Planning;

/// <summary>
/// Where the forecast gets its systems: the workload and assessment tables in production (the
/// lead implements it there), a fake in tests.
/// </summary>
public interface IPlanningSystemSource
{
    Task<IReadOnlyList<PlanningSystem>> LoadAsync(CancellationToken cancellationToken);
}
