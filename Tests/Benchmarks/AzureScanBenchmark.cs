using System.Diagnostics;
using System.Globalization;
using Sourcing.Collector.Inventory;
using Sourcing.Tests.Collector.Azure;
using Sourcing.Tests.Simulators.Azure;

namespace Sourcing.Tests.Benchmarks;

/// <summary>
/// One Azure scan of ~5,000 resources in 2 subscriptions from the simulated Azure with 50 ms per
/// request: wall time, calls, and the ratio to the floor (calls × latency ÷ concurrency). The
/// collector runs five list chains per subscription side by side, so the concurrency is 10.
/// Options: --resources N, --subscriptions N, --latency-ms N, --page-size N.
/// </summary>
public static class AzureScanBenchmark
{
    /// <summary>Resource groups, resources, VMs, VM power states, disks: listed side by side per subscription.</summary>
    private const int ListsPerSubscription = 5;

    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var resources = Option(args, "--resources", 5000);
        var subscriptions = Option(args, "--subscriptions", 2);
        var latency = TimeSpan.FromMilliseconds(Option(args, "--latency-ms", 50));
        var pageSize = Option(args, "--page-size", 200);
        await using var simulator = await AzureSimulator.StartAsync(new AzureSimulatorOptions
        {
            ResourceCount = resources,
            SubscriptionCount = subscriptions,
            Latency = latency,
            PageSize = pageSize,
        });
        var collector = AzureTestSources.Collector(simulator);
        var source = AzureTestSources.Source(simulator) with { MaxConcurrency = subscriptions };

        // The first scan pays for JIT of the SDK, MSAL and the simulator; the nightly service runs warm after its first night.
        var cold = Stopwatch.StartNew();
        await collector.CollectAsync(source, new NullProgress(), CancellationToken.None);
        cold.Stop();
        var before = simulator.Requests.Count;
        var watch = Stopwatch.StartNew();
        var result = await collector.CollectAsync(source, new NullProgress(), CancellationToken.None);
        watch.Stop();

        var concurrency = subscriptions * ListsPerSubscription;
        var floor = TimeSpan.FromMilliseconds(result.Calls * latency.TotalMilliseconds / concurrency);
        // The longest nextLink chain is sequential by nature: a floor no concurrency can beat.
        var longestChain = simulator.Estate.Subscriptions.Max(s => (int)Math.Ceiling(s.Resources.Count / (double)pageSize));
        var tokenCalls = simulator.Requests.Skip(before).Count(r => r.Path.EndsWith("/token", StringComparison.Ordinal));
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine("## Azure scan");
        Console.WriteLine();
        Console.WriteLine(string.Create(c, $"Date: {DateTime.UtcNow:yyyy-MM-dd}. Machine: 2 cores. Simulated Azure on loopback, {latency.TotalMilliseconds:0} ms per request, page size {pageSize}, "
            + $"Azure.ResourceManager 1.7.0 + Compute 1.2.0 through the real SDK pipeline (retry, bearer token, paging)."));
        Console.WriteLine();
        Console.WriteLine("| figure | value |");
        Console.WriteLine("|---|---|");
        Console.WriteLine(string.Create(c, $"| resources returned (estate: {simulator.Estate.ResourceCount:N0}) | {result.Resources.Count:N0} ({result.Resources.Count(r => r.Kind == ResourceKinds.Vm):N0} VMs) in {subscriptions} subscriptions |"));
        Console.WriteLine(string.Create(c, $"| complete | {result.Complete} |"));
        Console.WriteLine(string.Create(c, $"| wall time (second scan, warm) | {watch.Elapsed.TotalMilliseconds:N0} ms |"));
        Console.WriteLine(string.Create(c, $"| wall time (first scan, cold JIT) | {cold.Elapsed.TotalMilliseconds:N0} ms |"));
        Console.WriteLine(string.Create(c, $"| ARM calls | {result.Calls} (+ {tokenCalls} token call) |"));
        Console.WriteLine(string.Create(c, $"| concurrency | {concurrency} ({subscriptions} subscriptions × {ListsPerSubscription} list chains) |"));
        Console.WriteLine(string.Create(c, $"| floor = calls × latency ÷ concurrency | {floor.TotalMilliseconds:N0} ms |"));
        Console.WriteLine(string.Create(c, $"| ratio to floor | {watch.Elapsed / floor:0.0} |"));
        Console.WriteLine(string.Create(c, $"| longest nextLink chain × latency | {longestChain} pages × {latency.TotalMilliseconds:0} ms = {longestChain * latency.TotalMilliseconds:N0} ms |"));
        Console.WriteLine(string.Create(c, $"| per-VM calls | 0 (power state from one `statusOnly=true` list per subscription) |"));
        return result.Complete ? 0 : 1;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private sealed class NullProgress : IScanProgress
    {
        public void Report(int done, int total, string? text = null)
        {
        }
    }
}
