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

    /// <summary>
    /// How many new sessions in a row may be ended again before any call succeeded with them (refused right
    /// after login) before the scan gives up. Sessions that answered calls are renewed as often as needed.
    /// </summary>
    public int MaxReLogins { get; init; } = 5;

    /// <summary>Read a vCenter 8.0 U1 or later through VI/JSON bulk reads (false: always the Automation REST API).</summary>
    public bool PreferViJson { get; init; } = true;

    /// <summary>Objects per RetrievePropertiesEx page (RetrieveOptions.maxObjects); the server may send fewer.</summary>
    public int ViJsonMaxObjects { get; init; } = 500;

    /// <summary>How often one type's paging may start over (token expired, session renewed) without getting a new object.</summary>
    public int ViJsonMaxRestarts { get; init; } = 3;

    /// <summary>
    /// Circuit breaker: after this many failed requests in a row (connection refused or reset, timeouts, 502/504), or one
    /// request that failed on every try, the vCenter counts as gone and every further request of the scan fails at once,
    /// so a scan ends in seconds instead of retrying each of thousands of VMs.
    /// </summary>
    public int BreakerFailures { get; init; } = 6;

    /// <summary>Through VI/JSON, also read the past days of VM CPU and memory use the vCenter keeps (PerformanceManager).</summary>
    public bool ReadStatistics { get; init; } = true;

    /// <summary>How many past days of statistics the first read asks for (the vCenter keeps its 2-hour samples for a month).</summary>
    public int StatisticsDays { get; init; } = 30;

    /// <summary>
    /// Metrics one QueryPerf may ask for: vCenter refuses a historical query beyond its vpxd.stats.maxQueryMetrics setting
    /// (default 256; "This operation is restricted by the administrator"). Two counters a VM, so 128 VMs a call by
    /// default; raise it only together with that vCenter setting.
    /// </summary>
    public int StatisticsMaxQueryMetrics { get; init; } = 256;

    /// <summary>QueryPerf calls under way at once: each is a database query on the vCenter, so fewer than the scan's reads.</summary>
    public int StatisticsConcurrency { get; init; } = 2;

    /// <summary>Tag ids per list-attached-objects-on-tags call.</summary>
    public int TagBatchSize { get; init; } = 200;
}
