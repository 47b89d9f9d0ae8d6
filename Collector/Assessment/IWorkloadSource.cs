using Sourcing.Analyzer.Workloads;

namespace Sourcing.Collector.Assessment;

/// <summary>
/// Where the assessment reads systems from. The workload store implements it; tests use a fake.
/// Register it in DI (the analyze job and the analyze/decide commands resolve it).
/// </summary>
public interface IWorkloadSource
{
    Task<IReadOnlyList<Workload>> GetWorkloadsAsync(CancellationToken cancellationToken);

    Task<Workload?> GetWorkloadAsync(long id, CancellationToken cancellationToken);
}
