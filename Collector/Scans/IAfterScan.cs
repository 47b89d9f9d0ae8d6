namespace Sourcing.Collector.Scans;

/// <summary>Work that follows a stored scan (re-apply mapping rules, re-score). Runs after the scan row is final.</summary>
public interface IAfterScan
{
    Task RunAsync(long sourceId, long scanId, CancellationToken cancellationToken);
}
