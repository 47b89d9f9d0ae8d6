using Hangfire;

namespace Sourcing.Collector.Scans;

/// <summary>
/// The Hangfire job behind every scheduled and manual scan. Overlap is prevented by the scan
/// lock in <see cref="ScanRunner"/>; a failed scan is retried twice, then stays failed.
/// </summary>
public sealed class ScanJob(ScanRunner runner)
{
    [AutomaticRetry(Attempts = 2, DelaysInSeconds = [60, 300], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    [JobDisplayName("Skanna källa {0} ({1})")]
    public async Task RunAsync(long sourceId, string trigger, CancellationToken cancellationToken)
    {
        var summary = await runner.RunAsync(sourceId, trigger, cancellationToken);
        if (summary.Status == "failed")
        {
            // Throwing lets Hangfire retry; the failed attempt is already recorded in sourcing.scan.
            throw new ScanFailedException(string.Join("; ", summary.Errors));
        }
    }
}

public sealed class ScanFailedException(string message) : Exception(message);
