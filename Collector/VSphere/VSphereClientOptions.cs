namespace Sourcing.Collector.VSphere;

/// <summary>
/// Tuning of the vSphere REST client. The defaults suit a real vCenter; tests shorten the delays.
/// </summary>
public sealed record VSphereClientOptions
{
    /// <summary>Attempts per request for 429/503/502/504, timeouts and broken connections (first try included).</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>First back-off delay; doubled on every further try, plus up to the same again as jitter.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>A Retry-After above this is cut down to it, so one odd header cannot stall the nightly scan.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromMinutes(2);

    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(100);

    /// <summary>How often one scan may log in again after a 401 (expired session) before it gives up.</summary>
    public int MaxReLogins { get; init; } = 5;

    /// <summary>
    /// Circuit breaker: after this many failed requests in a row (connection refused or reset, timeouts, 502/504), or one
    /// request that failed on every try, the vCenter counts as gone and every further request of the scan fails at once,
    /// so a scan ends in seconds instead of retrying each of thousands of VMs.
    /// </summary>
    public int BreakerFailures { get; init; } = 6;

    /// <summary>Tag ids per list-attached-objects-on-tags call.</summary>
    public int TagBatchSize { get; init; } = 200;
}
