using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Dapper;
using Sourcing.Collector.Inventory;
using Sourcing.Tests.Support;

namespace Sourcing.Tests.Benchmarks;

/// <summary>
/// Store throughput for a 10,000-VM scan (rows per second through COPY and the set-based diff),
/// the cost of re-storing the unchanged estate, and of a scan where 5 % changed.
/// </summary>
public static class StoreBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
        var database = new PostgresDatabase();
        await database.InitializeAsync();
        try
        {
            var harness = new CollectorHarness(database);
            var sourceId = await harness.AddSourceAsync("bench");
            var estate = Estate(count, 0);

            var first = await TimeAsync(() => harness.Resources.ApplyScanAsync(sourceId, null, estate, true, DateTimeOffset.UtcNow, CancellationToken.None));
            var unchanged = await TimeAsync(() => harness.Resources.ApplyScanAsync(sourceId, null, estate, true, DateTimeOffset.UtcNow, CancellationToken.None));
            var changedEstate = Estate(count, count / 20);
            var changed = await TimeAsync(() => harness.Resources.ApplyScanAsync(sourceId, null, changedEstate, true, DateTimeOffset.UtcNow, CancellationToken.None));

            await using var connection = await database.DataSource.OpenConnectionAsync();
            var history = await connection.QuerySingleAsync<long>("SELECT count(*) FROM sourcing.resource_history");

            var inv = CultureInfo.InvariantCulture;
            Console.WriteLine("## Store: writing a scan");
            Console.WriteLine();
            Console.WriteLine(string.Format(inv, "Measured {0:yyyy-MM-dd} on this machine (2 cores, PostgreSQL 15 on loopback), {1:N0} VMs with ~2 KB raw JSON each, one transaction per scan (binary COPY into a temp table, set-based diff).", DateTime.UtcNow, count));
            Console.WriteLine();
            Console.WriteLine("| case | wall time | rows/s | written |");
            Console.WriteLine("|---|---:|---:|---|");
            Console.WriteLine(string.Format(inv, "| first scan (all new) | {0:F2} s | {1:N0} | {2:N0} added |", first.Elapsed.TotalSeconds, count / first.Elapsed.TotalSeconds, first.Result.Added));
            Console.WriteLine(string.Format(inv, "| unchanged estate again | {0:F2} s | {1:N0} | {2} changed, {3} history rows |", unchanged.Elapsed.TotalSeconds, count / unchanged.Elapsed.TotalSeconds, unchanged.Result.Changed, 0));
            Console.WriteLine(string.Format(inv, "| 5 % of VMs resized | {0:F2} s | {1:N0} | {2:N0} changed |", changed.Elapsed.TotalSeconds, count / changed.Elapsed.TotalSeconds, changed.Result.Changed));
            Console.WriteLine();
            Console.WriteLine(string.Format(inv, "History rows after the three scans: {0:N0} (added + changed; the unchanged re-store wrote none).", history));
            return unchanged.Result.Changed == 0 ? 0 : 1;
        }
        finally
        {
            await database.DisposeAsync();
        }
    }

    private static async Task<(T Result, TimeSpan Elapsed)> TimeAsync<T>(Func<Task<T>> action)
    {
        var watch = Stopwatch.StartNew();
        var result = await action();
        return (result, watch.Elapsed);
    }

    private static List<ResourceRecord> Estate(int count, int resized) =>
        Enumerable.Range(1, count).Select(i =>
        {
            var vm = Vms.Vm($"vm-{i}", $"vsby-app{i:D5}", cpu: i <= resized ? 8 : 2, system: $"System {i % 120}");
            var raw = new JsonObject { ["vm"] = vm.ExternalId, ["disks"] = new JsonArray(), ["nics"] = new JsonArray() };
            for (var d = 0; d < 3; d++)
            {
                ((JsonArray)raw["disks"]!).Add(new JsonObject { ["label"] = $"Hard disk {d + 1}", ["capacity"] = 85_899_345_920L, ["backing"] = new JsonObject { ["type"] = "VMDK_FILE", ["vmdk_file"] = $"[ds-{i % 20}] {vm.Name}/{vm.Name}_{d}.vmdk" } });
            }

            for (var n = 0; n < 2; n++)
            {
                ((JsonArray)raw["nics"]!).Add(new JsonObject { ["label"] = $"Network adapter {n + 1}", ["mac_address"] = $"00:50:56:{i % 256:x2}:{n:x2}:{i / 256 % 256:x2}", ["type"] = "VMXNET3", ["backing"] = new JsonObject { ["network"] = $"network-{n + 10}", ["type"] = "DISTRIBUTED_PORTGROUP" } });
            }

            return vm with { Raw = raw };
        }).ToList();
}
