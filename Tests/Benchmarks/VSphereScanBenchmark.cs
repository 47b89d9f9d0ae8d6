using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Sourcing.Collector.Inventory;
using Sourcing.Collector.Sources;
using Sourcing.Collector.VSphere;
using Sourcing.Tests.Simulators.VCenter;

namespace Sourcing.Tests.Benchmarks;

/// <summary>
/// One scan of a simulated vCenter with 10,000 VMs, 20 ms latency per call and MaxConcurrency 16.
/// The floor is calls × latency ÷ concurrency: what a perfectly packed scan would take. Options:
/// --vms N --latency-ms N --concurrency N. The simulator runs in the same process.
/// </summary>
public static class VSphereScanBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var vms = Option(args, "--vms", 10_000);
        var latencyMs = Option(args, "--latency-ms", 20);
        var concurrency = Option(args, "--concurrency", 16);

        await using var sim = await VCenterSimulator.StartAsync(new VCenterSimulatorOptions { Vms = vms, Seed = 42, LatencyMs = latencyMs });
        var source = new SourceDefinition
        {
            Name = "bench",
            Kind = "vsphere",
            Url = sim.Url,
            Username = sim.Options.Username,
            Secret = new Secret(sim.Options.Password),
            Thumbprint = sim.Thumbprint,
            MaxConcurrency = concurrency,
        };
        var collector = new VSphereCollector(NullLogger<VSphereCollector>.Instance, TimeProvider.System, new VSphereClientOptions());

        GC.Collect();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        var result = await collector.CollectAsync(source, new NoProgress(), CancellationToken.None);
        watch.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var heapAfter = GC.GetTotalMemory(forceFullCollection: false);
        using var process = Process.GetCurrentProcess();
        process.Refresh();

        var floor = TimeSpan.FromMilliseconds((double)result.Calls * latencyMs / concurrency);
        var ratio = watch.Elapsed / floor;
        var vmCount = result.Resources.Count(r => r.Kind == ResourceKinds.Vm);
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine("## vSphere scan");
        Console.WriteLine();
        Console.WriteLine(string.Create(c, $"Scan of the simulated vCenter (in-process, HTTPS loopback): {vms:N0} VMs, {latencyMs} ms latency per call, MaxConcurrency {concurrency}. Floor = calls × latency ÷ concurrency."));
        Console.WriteLine();
        Console.WriteLine("| figure | value |");
        Console.WriteLine("|---|---|");
        Console.WriteLine(string.Create(c, $"| VMs collected | {vmCount:N0} (complete: {result.Complete}, skipped {result.Skipped}) |"));
        Console.WriteLine(string.Create(c, $"| resources | {result.Resources.Count:N0} |"));
        Console.WriteLine(string.Create(c, $"| calls | {result.Calls:N0} ({(double)result.Calls / Math.Max(1, vmCount):0.00} per VM) |"));
        Console.WriteLine(string.Create(c, $"| wall time | {watch.Elapsed.TotalSeconds:0.0} s |"));
        Console.WriteLine(string.Create(c, $"| floor | {floor.TotalSeconds:0.0} s |"));
        Console.WriteLine(string.Create(c, $"| ratio to floor | {ratio:0.00}× (aim ≤ 1.3×) |"));
        Console.WriteLine(string.Create(c, $"| max in flight (simulator) | {sim.MaxInFlight} |"));
        Console.WriteLine(string.Create(c, $"| mean server time per call (latency + simulator work) | {sim.MeanServerTime.TotalMilliseconds:0.0} ms |"));
        Console.WriteLine(string.Create(c, $"| ratio to floor at the measured server time | {watch.Elapsed / (sim.MeanServerTime * sim.Calls / concurrency):0.00}× |"));
        Console.WriteLine(string.Create(c, $"| peak working set (process, simulator included) | {process.PeakWorkingSet64 / (1024.0 * 1024):0} MiB |"));
        Console.WriteLine(string.Create(c, $"| managed heap after scan (result held) | {heapAfter / (1024.0 * 1024):0} MiB |"));
        Console.WriteLine(string.Create(c, $"| allocated during scan (simulator included) | {allocated / (1024.0 * 1024):0} MiB |"));
        Console.WriteLine();
        Console.WriteLine(string.Create(c, $"Date {DateTime.UtcNow:yyyy-MM-dd}, machine: 2 cores (shared), .NET {Environment.Version}."));
        return result.Complete ? 0 : 1;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private sealed class NoProgress : IScanProgress
    {
        public void Report(int done, int total, string? text = null)
        {
        }
    }
}
