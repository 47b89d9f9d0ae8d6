using Sourcing.Analyzer.Workloads;
using Sourcing.Collector.Assessment;

namespace Sourcing.Collector.Workloads;

/// <summary>The assessment's view of the workload store.</summary>
public sealed class WorkloadSource(WorkloadStore store) : IWorkloadSource
{
    public Task<IReadOnlyList<Workload>> GetWorkloadsAsync(CancellationToken cancellationToken) =>
        store.LoadForAnalysisAsync(cancellationToken);

    public Task<Workload?> GetWorkloadAsync(long id, CancellationToken cancellationToken) =>
        store.LoadOneForAnalysisAsync(id, cancellationToken);
}
