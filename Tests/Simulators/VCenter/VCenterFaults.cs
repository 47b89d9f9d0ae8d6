using System.Collections.Concurrent;

namespace Sourcing.Tests.Simulators.VCenter;

/// <summary>
/// Faults a running simulator injects; tests switch them on and off between or during scans.
/// Counted faults (503, 429, resets) hit the next N requests other than login and logout.
/// </summary>
public sealed class VCenterFaults
{
    public const int DefaultVmListCap = 4000;
    private int _fail503;
    private int _throttle429;
    private int _reset;
    private int _expiredTokens;
    private volatile TaskCompletionSource? _hold;

    public int VmListCap { get; set; } = DefaultVmListCap;

    public bool ApiDisabled { get; set; }

    /// <summary>Every request has its connection dropped: the vCenter is down.</summary>
    public bool Down { get; set; }

    public int? SessionExpiresAfterCalls { get; set; }

    public TimeSpan Latency { get; set; }

    public int RetryAfterSeconds { get; set; } = 2;

    /// <summary>VMs that GET vcenter/vm still lists but whose detail answers 404 (deleted mid-scan).</summary>
    public ConcurrentDictionary<string, bool> VanishingVms { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// VI/JSON: properties a VM's RetrievePropertiesEx answer leaves out and names in its missingSet with a fault
    /// (VM id → property paths), as vCenter does when one object's property cannot be read (a host gone, no permission).
    /// </summary>
    public ConcurrentDictionary<string, string[]> UnreadableVmProperties { get; } = new(StringComparer.Ordinal);

    /// <summary>VI/JSON PerformanceManager QueryPerf answers a SystemError fault (the vCenter's statistics database is down).</summary>
    public bool QueryPerfFails { get; set; }

    /// <summary>Requests whose path starts with a key always answer 503 (one broken service, e.g. "/api/cis/tagging").</summary>
    public ConcurrentDictionary<string, bool> BrokenPaths { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// From now on, requests for one VM (details, guest identity) wait until <see cref="Release"/>: a test can look at a
    /// scan while it runs without depending on how fast the machine is.
    /// </summary>
    public void HoldVmRequests() => _hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Lets held and later VM requests through.</summary>
    public void Release() => _hold?.TrySetResult();

    /// <summary>The next <paramref name="count"/> requests answer 503 (a burst, e.g. vpxd restarting).</summary>
    public void Fail503(int count) => Interlocked.Exchange(ref _fail503, count);

    /// <summary>The next <paramref name="count"/> requests answer 429 with Retry-After: <see cref="RetryAfterSeconds"/>.</summary>
    public void Throttle429(int count) => Interlocked.Exchange(ref _throttle429, count);

    /// <summary>The next <paramref name="count"/> requests have their connection reset.</summary>
    public void ResetConnections(int count) => Interlocked.Exchange(ref _reset, count);

    /// <summary>The next <paramref name="count"/> ContinueRetrievePropertiesEx calls find their paging token expired.</summary>
    public void ExpireTokens(int count) => Interlocked.Exchange(ref _expiredTokens, count);

    internal bool TakeExpiredToken() => Take(ref _expiredTokens);

    internal Task WaitIfHeldAsync(string path, CancellationToken cancellationToken) =>
        _hold is { } hold && (path.StartsWith("/api/vcenter/vm/", StringComparison.Ordinal) || path.StartsWith("/rest/vcenter/vm/", StringComparison.Ordinal))
            ? hold.Task.WaitAsync(cancellationToken)
            : Task.CompletedTask;

    internal bool Take503() => Take(ref _fail503);

    internal bool Take429() => Take(ref _throttle429);

    internal bool TakeReset() => Take(ref _reset);

    private static bool Take(ref int counter)
    {
        while (true)
        {
            var current = Volatile.Read(ref counter);
            if (current <= 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref counter, current - 1, current) == current)
            {
                return true;
            }
        }
    }
}
