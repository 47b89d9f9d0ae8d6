using Sourcing.Collector.Assessment;
using Sourcing.Collector.Workloads;

namespace Sourcing.Collector.Scans;

/// <summary>After every stored scan or import: re-apply the mapping rules, then re-assess every system.</summary>
public sealed class RefreshAfterScan(MappingJob mapping, AnalyzeJob analyze) : IAfterScan
{
    public async Task RunAsync(long sourceId, long scanId, CancellationToken cancellationToken)
    {
        await mapping.RunAsync(cancellationToken);
        await analyze.RunAsync(cancellationToken);
    }
}
