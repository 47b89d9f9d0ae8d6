using System.Diagnostics;
using System.Globalization;
using Dapper;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Sourcing.Collector.Inventory;
using Sourcing.Collector.Scans;
using Sourcing.Collector.Sources;
using Sourcing.Collector.VSphere;
using Sourcing.Tests.Simulators.VCenter;
using Sourcing.Tests.Support;

namespace Sourcing.Tests.Benchmarks;

/// <summary>
/// Whole scans (collect and store, through the scan runner, as `sourcing scan` does) of 10,000 and 50,000 simulated VMs at
/// 20 ms latency per call, on both vSphere paths: VI/JSON (the simulator announces 8.0.3) and the Automation REST API
/// (7.0.3). The scan runs in a child process, so its peak resident memory (VmHWM from /proc) is the scanning process's
/// alone, not the simulator's. Options: --sizes 10000,50000 --paths vijson,rest --latency-ms 20 --concurrency 16 --statistics kept|off.
/// </summary>
public static class ScanScaleBenchmark
{
    private const string PasswordVariable = "SOURCING_SECRET_BENCH_SCALE";

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length > 0 && args[0] == "--child")
        {
            return await ChildAsync(args[1..]);
        }

        var sizes = Option(args, "--sizes", "10000,50000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        var paths = Option(args, "--paths", "vijson,rest").Split(',');
        var latencyMs = int.Parse(Option(args, "--latency-ms", "20"), CultureInfo.InvariantCulture);
        var concurrency = int.Parse(Option(args, "--concurrency", "16"), CultureInfo.InvariantCulture);
        // The vCenter's kept 30-day statistics, read after the inventory on the VI/JSON path ("off": the past-month interval is switched off).
        var statistics = Option(args, "--statistics", "kept") == "off" ? VCenterStatistics.PastMonthDisabled : VCenterStatistics.Kept;
        var c = CultureInfo.InvariantCulture;

        var rows = new List<string>();
        var failed = false;
        foreach (var size in sizes)
        {
            foreach (var path in paths)
            {
                await using var sim = await VCenterSimulator.StartAsync(new VCenterSimulatorOptions
                {
                    Vms = size, Seed = 42, LatencyMs = latencyMs, Version = path == "vijson" ? "8.0.3" : "7.0.3", Statistics = statistics,
                });
                var child = await RunChildAsync(sim, concurrency);
                if (child is null)
                {
                    failed = true;
                    rows.Add(string.Create(c, $"| {size:N0} | {path} | (the scan process failed) | | | | | | |"));
                    continue;
                }

                var (status, calls, wall, vms, peakKib, cpu, apiPath) = child.Value;
                // The floor: every call's latency, packed MaxConcurrency at a time. VI/JSON pages follow each other (a token
                // per page), so that path cannot pack its calls; its floor is then the longest chain, the VM pages.
                var packed = TimeSpan.FromMilliseconds((double)calls * latencyMs / concurrency);
                var chain = path == "vijson"
                    ? TimeSpan.FromMilliseconds((double)(Math.Ceiling(size / (double)Math.Min(sim.Options.ViJsonMaxObjects, new Sourcing.Collector.VSphere.VSphereClientOptions().ViJsonMaxObjects)) + 4) * latencyMs)
                    : TimeSpan.Zero;
                var floor = packed > chain ? packed : chain;
                failed |= status != "succeeded" || vms != size;
                rows.Add(string.Create(c,
                    $"| {size:N0} | {apiPath} | {status}, {vms:N0} VMs | {calls:N0} | {wall.TotalSeconds:0.0} s | {floor.TotalSeconds:0.0} s | {wall / floor:0.00}× | {cpu.TotalSeconds:0.0} s | {peakKib / 1024.0:0} MiB |"));
            }
        }

        Console.WriteLine("## vSphere scans at scale: both paths, collect and store");
        Console.WriteLine();
        Console.WriteLine(string.Create(c,
            $"Whole scans through the scan runner (collect, stage in batches, store in one transaction), as `sourcing scan` runs them, against the simulated vCenter (HTTPS loopback, {latencyMs} ms latency per call, MaxConcurrency {concurrency}). The scan runs in its own process; peak memory is its VmHWM (peak resident set, /proc), simulator not included; its CPU time (user + system, including start-up and JIT) shows the work independent of how loaded the machine was. Floor: calls × latency ÷ concurrency; for VI/JSON, whose pages follow each other, the chain of VM pages if that is longer."));
        Console.WriteLine();
        Console.WriteLine("| VMs | path | result | calls | wall time | floor | ratio to floor | CPU time (scan process) | peak resident memory |");
        Console.WriteLine("|---:|---|---|---:|---:|---:|---:|---:|---:|");
        foreach (var row in rows)
        {
            Console.WriteLine(row);
        }

        Console.WriteLine();
        Console.WriteLine(string.Create(c, $"Aim: 50,000 VMs under 5 minutes and under 500 MB on the VI/JSON path, the REST path under 500 MB too. Date {DateTime.UtcNow:yyyy-MM-dd}, machine: 2 cores, load average {LoadAverage()} at the end, .NET {Environment.Version}, workstation GC (as the `sourcing` command)."));
        Console.WriteLine();
        Console.WriteLine(statistics == VCenterStatistics.Kept
            ? "The VI/JSON rows include a source's first read of the vCenter's kept 30-day statistics (QueryPerf, 128 VMs a call under vCenter's default vpxd.stats.maxQueryMetrics of 256; about 4 MB of JSON a call), which the floor leaves out; a later night asks for one day only. `bench scale --statistics off` measures the inventory alone. The VM pages are 500 objects each (`ViJsonMaxObjects`), and the next page is asked for while the last one is written, so at most two pages are held."
            : "Statistics off: the VI/JSON rows are the inventory alone. The VM pages are 500 objects each (`ViJsonMaxObjects`), and the next page is asked for while the last one is written, so at most two pages are held.");
        Console.WriteLine("Peak resident memory depends on when the garbage collector runs, and varies by some tens of MiB from run to run.");
        return failed ? 1 : 0;
    }

    private static string LoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ')[0];
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    private static async Task<(string Status, int Calls, TimeSpan Wall, int Vms, long PeakKib, TimeSpan Cpu, string ApiPath)?> RunChildAsync(VCenterSimulator sim, int concurrency)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            typeof(ScanScaleBenchmark).Assembly.Location, "bench", "scale", "--child", sim.Url, sim.Options.Username, sim.Thumbprint ?? "",
            concurrency.ToString(CultureInfo.InvariantCulture),
        })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment[PasswordVariable] = sim.Options.Password;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        foreach (var error in output.Split('\n').Where(l => l.StartsWith("error: ", StringComparison.Ordinal)))
        {
            await Console.Error.WriteLineAsync(error);
        }

        var line = output.Split('\n').LastOrDefault(l => l.StartsWith("RESULT ", StringComparison.Ordinal));
        if (line is null)
        {
            await Console.Error.WriteLineAsync(output);
            return null;
        }

        var f = line.Split(' ');
        var inv = CultureInfo.InvariantCulture;
        return (f[1], int.Parse(f[2], inv), TimeSpan.FromMilliseconds(double.Parse(f[3], inv)), int.Parse(f[4], inv), long.Parse(f[5], inv),
            TimeSpan.FromMilliseconds(double.Parse(f[6], inv)), string.Join(' ', f[7..]));
    }

    /// <summary>The scanning process: a fresh database, one source, one scan; prints one RESULT line.</summary>
    private static async Task<int> ChildAsync(string[] args)
    {
        var (url, username, thumbprint, concurrency) = (args[0], args[1], args[2], int.Parse(args[3], CultureInfo.InvariantCulture));
        var database = new PostgresDatabase();
        await database.InitializeAsync();
        try
        {
            var sources = new SourceStore(database.DataSource);
            var scans = new ScanStore(database.DataSource);
            var keys = Directory.CreateTempSubdirectory("sourcing-bench-keys-");
            var secrets = new SecretResolver(DataProtectionProvider.Create(keys), new ConfigurationBuilder().Build());
            // SOURCING_BENCH_LOG=1: the scan's log with timestamps on stdout, to see where a scan spends its time.
            using var loggers = Environment.GetEnvironmentVariable("SOURCING_BENCH_LOG") == "1"
                ? LoggerFactory.Create(b => b.AddSimpleConsole(o => o.TimestampFormat = "HH:mm:ss.fff ").SetMinimumLevel(LogLevel.Information))
                : NullLoggerFactory.Instance;
            var collector = new VSphereCollector(loggers.CreateLogger<VSphereCollector>(), TimeProvider.System, new VSphereClientOptions());
            var runner = new ScanRunner(
                database.DataSource, sources, scans, new ResourceStore(database.DataSource), secrets, [collector], [], TimeProvider.System,
                loggers.CreateLogger<ScanRunner>(), new ScanLeaseStore(database.DataSource), new UtilisationStore(database.DataSource));
            var sourceId = await sources.AddAsync(new NewSource
            {
                Name = "bench", Kind = "vsphere", Url = url, Username = username, SecretEnv = PasswordVariable,
                Thumbprint = thumbprint.Length == 0 ? null : thumbprint, MaxConcurrency = concurrency,
            }, CancellationToken.None);

            var watch = Stopwatch.StartNew();
            var summary = await runner.RunAsync(sourceId, "bench", CancellationToken.None);
            watch.Stop();

            await using var connection = await database.DataSource.OpenConnectionAsync();
            var vms = await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM sourcing.resource WHERE kind = 'vm' AND removed_at IS NULL");
            var row = await scans.GetAsync(summary.ScanId!.Value, CancellationToken.None);
            foreach (var error in summary.Errors.Take(5))
            {
                Console.WriteLine("error: " + error);
            }

            using var self = Process.GetCurrentProcess();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"RESULT {summary.Status} {summary.Calls} {watch.Elapsed.TotalMilliseconds:0} {vms} {PeakResidentKib()} {self.TotalProcessorTime.TotalMilliseconds:0} {row?.ApiPath ?? "?"}"));
            return 0;
        }
        finally
        {
            await database.DisposeAsync();
        }
    }

    /// <summary>VmHWM: the process's peak resident set size, in KiB (Linux).</summary>
    private static long PeakResidentKib()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            }
        }

        return -1;
    }

    private static string Option(string[] args, string name, string fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }
}
