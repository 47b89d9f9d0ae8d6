using System.Diagnostics;
using System.Globalization;
using Sourcing.Collector.Inventory;
using Sourcing.Tests.Collector.Azure;
using Sourcing.Tests.Simulators.Azure;

namespace Sourcing.Tests.Benchmarks;

/// <summary>
/// Azure scans of the simulated Azure with a latency per request, both paths on the same estate:
/// one Resource Graph query across all subscriptions (1,000 rows a page, quota 15 per 5 s) against
/// the Resource Manager lists (five list chains per subscription). Calls and wall time.
/// Options: --resources N, --subscriptions N, --latency-ms N, --page-size N (the lists' page size).
/// </summary>
public static class AzureScanBenchmark
{
    /// <summary>Resource groups, resources, VMs, VM power states, disks: listed side by side per subscription.</summary>
    private const int ListsPerSubscription = 5;

    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var resources = Option(args, "--resources", 50000);
        var subscriptions = Option(args, "--subscriptions", 40);
        var latency = TimeSpan.FromMilliseconds(Option(args, "--latency-ms", 50));
        var pageSize = Option(args, "--page-size", 1000);

        // JIT of the SDK, MSAL and the simulator paid on a small estate first: the nightly service runs warm.
        await using (var warm = await AzureSimulator.StartAsync(new AzureSimulatorOptions { ResourceCount = 300 }))
        {
            await AzureTestSources.Collector(warm).CollectAsync(AzureTestSources.Source(warm), new NullProgress(), CancellationToken.None);
            await AzureTestSources.Collector(warm, resourceGraph: true).CollectAsync(AzureTestSources.Source(warm), new NullProgress(), CancellationToken.None);
        }

        await using var simulator = await AzureSimulator.StartAsync(new AzureSimulatorOptions
        {
            ResourceCount = resources,
            SubscriptionCount = subscriptions,
            Latency = latency,
            PageSize = pageSize,
        });
        var source = AzureTestSources.Source(simulator) with { MaxConcurrency = 8 };
        var lists = await MeasureAsync(simulator, AzureTestSources.Collector(simulator), source);
        var graph = await MeasureAsync(simulator, AzureTestSources.Collector(simulator, resourceGraph: true), source);

        var c = CultureInfo.InvariantCulture;
        Console.WriteLine("## Azure scan");
        Console.WriteLine();
        Console.WriteLine(string.Create(c, $"Date: {DateTime.UtcNow:yyyy-MM-dd}. Machine: 2 cores (shared). Simulated Azure on loopback, {latency.TotalMilliseconds:0} ms per request; "
            + $"{simulator.Estate.ResourceCount:N0} resources in {subscriptions} subscriptions; source MaxConcurrency 8 (subscriptions read side by side on the list path). "
            + $"Azure.ResourceManager 1.7.0 + Compute 1.2.0, Resource Graph through the same SDK pipeline (retry, bearer token); warm (JIT paid on a small estate first)."));
        Console.WriteLine();
        Console.WriteLine("| figure | Resource Graph | Resource Manager lists |");
        Console.WriteLine("|---|---:|---:|");
        Console.WriteLine(string.Create(c, $"| resources returned | {graph.Result.Resources.Count:N0} ({graph.Result.Resources.Count(r => r.Kind == ResourceKinds.Vm):N0} VMs) | {lists.Result.Resources.Count:N0} ({lists.Result.Resources.Count(r => r.Kind == ResourceKinds.Vm):N0} VMs) |"));
        Console.WriteLine(string.Create(c, $"| complete | {graph.Result.Complete} | {lists.Result.Complete} |"));
        Console.WriteLine(string.Create(c, $"| calls (token calls not counted) | {graph.Result.Calls:N0} (1 subscriptions list + {graph.GraphCalls} query pages) | {lists.Result.Calls:N0} |"));
        Console.WriteLine(string.Create(c, $"| wall time | {graph.Wall.TotalSeconds:N1} s | {lists.Wall.TotalSeconds:N1} s |"));
        Console.WriteLine(string.Create(c, $"| 429 answers drawn | {graph.Throttled} | – |"));
        Console.WriteLine(string.Create(c, $"| page size | 1,000 rows ($top) | {pageSize:N0} items |"));
        Console.WriteLine();
        Console.WriteLine(string.Create(c, $"Resource Graph pages follow one `$skipToken` chain and the quota (15 queries per 5 s) is waited for, not drawn as 429s: {graph.GraphCalls} pages need at least {Math.Max(0, (graph.GraphCalls - 1) / 15) * 5} s of quota windows. "
            + $"The list path's floor is its longest nextLink chain per subscription times the latency, times the subscriptions one after another beyond the concurrency."));
        return graph.Result.Complete && lists.Result.Complete ? 0 : 1;
    }

    private static async Task<(CollectResult Result, TimeSpan Wall, int GraphCalls, int Throttled)> MeasureAsync(
        AzureSimulator simulator, Sourcing.Collector.Azure.AzureCollector collector, Sourcing.Collector.Sources.SourceDefinition source)
    {
        var graphBefore = simulator.GraphCalls;
        var throttledBefore = simulator.GraphThrottled;
        var watch = Stopwatch.StartNew();
        var result = await collector.CollectAsync(source, new NullProgress(), CancellationToken.None);
        watch.Stop();
        return (result, watch.Elapsed, simulator.GraphCalls - graphBefore, simulator.GraphThrottled - throttledBefore);
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
