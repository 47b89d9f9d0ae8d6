using Sourcing.Analyzer.Workloads;
using Sourcing.Collector.Assessment;

namespace Sourcing.Tests.Collector.Assessment;

public sealed class FakeWorkloadSource(IReadOnlyList<Workload> workloads) : IWorkloadSource
{
    public Task<IReadOnlyList<Workload>> GetWorkloadsAsync(CancellationToken cancellationToken) => Task.FromResult(workloads);

    public Task<Workload?> GetWorkloadAsync(long id, CancellationToken cancellationToken) =>
        Task.FromResult(workloads.FirstOrDefault(w => w.Id == id));
}
