using System.Text.Json.Nodes;
using Sourcing.Collector.VSphere;
using Sourcing.Tests.Simulators.VCenter;

namespace Sourcing.Tests.Collector.VSphere;

/// <summary>The vCenter's kept 30-day statistics read through VI/JSON's PerformanceManager, against the simulator.</summary>
public sealed class ViJsonStatisticsTests : IDisposable
{
    private const string PerfManager = "/sdk/vim25/8.0.3.0/PerformanceManager/PerfMgr/";
    private readonly VSphereTestKit _kit = new();

    public void Dispose() => _kit.Dispose();

    /// <summary>
    /// Worked by hand. Samples of 2 hours, stamped at the END of their interval, in hundredths of a percent:
    /// <code>
    /// end (UTC)          covers               cpu    mem    day
    /// 2026-11-19 00:00   18th 22:00–24:00     9900   9900   18th: before 'from' (19th), left out
    /// 2026-11-20 02:00   20th 00:00–02:00     1000   4000   20th
    /// 2026-11-20 10:00   20th 08:00–10:00     4250     -1   20th (-1: no memory value)
    /// 2026-11-21 00:00   20th 22:00–24:00     5000   4100   20th (not the 21st: the stamp is the interval's end)
    /// 2026-11-21 02:00   21st 00:00–02:00      300   3900   21st
    /// 2026-11-22 02:00   22nd 00:00–02:00     8000   8000   22nd = today: left out (the scan's own reading stands)
    /// </code>
    /// 20th: cpu max(1000, 4250, 5000) = 5000 → 50.00 %; memory max(4000, 4100) = 4100 → 41.00 %.
    /// 21st: cpu 300 → 3.00 %; memory 3900 → 39.00 %.
    /// </summary>
    [Fact]
    public void DailyMax_HighestTwoHourAverageOfEachWholeDay()
    {
        static (DateTimeOffset, int) At(string utc) => (DateTimeOffset.Parse(utc + "Z", System.Globalization.CultureInfo.InvariantCulture), 7200);
        var samples = new[] { At("2026-11-19T00:00:00"), At("2026-11-20T02:00:00"), At("2026-11-20T10:00:00"), At("2026-11-21T00:00:00"), At("2026-11-21T02:00:00"), At("2026-11-22T02:00:00") };
        long[] cpu = [9900, 1000, 4250, 5000, 300, 8000];
        long[] memory = [9900, 4000, -1, 4100, 3900, 8000];

        var days = ViJsonStatistics.DailyMax(samples, cpu, memory, new DateOnly(2026, 11, 19), new DateOnly(2026, 11, 22));

        Assert.Equal(
            [(new DateOnly(2026, 11, 20), 50.00m, 41.00m), (new DateOnly(2026, 11, 21), 3.00m, 39.00m)],
            days.Select(d => (d.Day, d.CpuPercent!.Value, d.MemoryPercent!.Value)).ToList());
    }

    [Fact]
    public void FindCounters_ByGroupNameAndRollup_NeverByFixedIds()
    {
        static JsonObject Counter(int key, string group, string name, string rollup) => new()
        {
            ["_typeName"] = "PerfCounterInfo", ["key"] = key, ["rollupType"] = rollup,
            ["groupInfo"] = new JsonObject { ["_typeName"] = "ElementDescription", ["key"] = group },
            ["nameInfo"] = new JsonObject { ["_typeName"] = "ElementDescription", ["key"] = name },
        };
        var counters = JsonNode.Parse(new JsonArray(
            Counter(2, "cpu", "usage", "none"), Counter(5, "cpu", "usage", "maximum"), Counter(917, "cpu", "usage", "average"),
            Counter(6, "cpu", "usagemhz", "average"), Counter(24, "mem", "active", "average"), Counter(33, "mem", "usage", "average"))
            .ToJsonString())!.AsArray(); // as it comes off the wire

        Assert.Equal((917, 33), ViJsonStatistics.FindCounters(counters));
        counters.RemoveAt(counters.Count - 1);
        Assert.Null(ViJsonStatistics.FindCounters(counters)); // no mem.usage.average: nothing to ask for
    }

    [Fact]
    public async Task Collect_ViJson_ReadsThirtyDaysInBatchesWithTheVCentersCounterIds()
    {
        await using var sim = await VCenterSimulator.StartAsync(new VCenterSimulatorOptions { Vms = 300, Seed = 11, Version = "8.0.3" });
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        var result = await _kit.Collector().CollectAsync(VSphereTestKit.Source(sim), new RecordingProgress(), CancellationToken.None);

        Assert.True(result.Complete, string.Join("\n", result.Errors));
        Assert.Empty(result.Errors);
        // 300 VMs at 2 counters each under vCenter's default limit of 256 metrics a query: 128 VMs a call, ⌈300 / 128⌉ = 3 calls.
        Assert.Equal(3, QueryPerfCalls(sim));
        Assert.Equal(1, sim.CallsTo("POST", PerfManager + "QueryPerfCounterByLevel"));
        Assert.Equal(1, sim.CallsTo("GET", PerfManager + "historicalInterval"));
        var queries = sim.ViJsonBodies.Where(b => b.Path.EndsWith("/QueryPerf", StringComparison.Ordinal)).Select(b => JsonNode.Parse(b.Body)!).ToList();
        Assert.Equal([128, 128, 44], queries.Select(q => q["querySpec"]!.AsArray().Count).Order().Reverse().ToList());
        var metricIds = queries.SelectMany(q => q["querySpec"]!.AsArray()).SelectMany(s => s!["metricId"]!.AsArray())
            .Select(m => (int)m!["counterId"]!).ToHashSet();
        Assert.Equal(new HashSet<int> { sim.Performance.CpuUsageAverageKey, sim.Performance.MemoryUsageAverageKey }, metricIds);
        Assert.All(queries.SelectMany(q => q["querySpec"]!.AsArray()), s => Assert.Equal((7200, "normal"), ((int)s!["intervalId"]!, (string)s["format"]!)));

        var on = sim.Estate.Vms.Where(v => v.PowerState == "POWERED_ON").ToList();
        Assert.Equal(on.Select(v => v.Id).Order().ToList(), result.UtilisationHistory.Select(h => h.ExternalId).Order().ToList());
        var vm = on[0];
        var history = result.UtilisationHistory.Single(h => h.ExternalId == vm.Id);
        Assert.Equal(30, history.Days.Count);
        Assert.Equal(today.AddDays(-30), history.Days[0].Day);
        Assert.Equal(today.AddDays(-1), history.Days[^1].Day);
        // Each day is the highest of the simulator's samples that fall in it (the sample stamped at its end).
        var expected = VCenterPerformance.Series(vm, DateTimeOffset.UtcNow.AddDays(-30), DateTimeOffset.UtcNow)
            .GroupBy(s => DateOnly.FromDateTime(s.End.AddHours(-2).UtcDateTime))
            .Where(g => g.Key >= today.AddDays(-30) && g.Key < today)
            .ToDictionary(g => g.Key, g => (g.Max(s => s.Cpu) / 100m, g.Max(s => s.Memory) / 100m));
        Assert.All(history.Days, d => Assert.Equal(expected[d.Day], (d.CpuPercent!.Value, d.MemoryPercent!.Value)));
    }

    [Fact]
    public async Task Collect_HigherQueryLimit_FewerCalls_AndFiftyThousandVmsCost391AtTheDefault()
    {
        await using var sim = await VCenterSimulator.StartAsync(new VCenterSimulatorOptions { Vms = 300, Seed = 12, Version = "8.0.3", MaxQueryMetrics = 1000 });
        var kit = new VSphereTestKit { Options = _kit.Options with { StatisticsMaxQueryMetrics = 1000 } };
        using var _ = kit;

        var result = await kit.Collector().CollectAsync(VSphereTestKit.Source(sim), new RecordingProgress(), CancellationToken.None);

        Assert.Empty(result.Errors);
        Assert.Equal(1, QueryPerfCalls(sim)); // 500 VMs a call when the vCenter allows 1000 metrics
        // At the default limit: ⌈50,000 / 128⌉ = 391 QueryPerf calls, plus historicalInterval and QueryPerfCounterByLevel.
        Assert.Equal(128, 256 / 2);
        Assert.Equal(391, (50_000 + (256 / 2) - 1) / (256 / 2));
    }

    [Fact]
    public async Task Collect_QueryPerfFails_InventoryCompleteAndTheMessageNamesWhatWasNotRead()
    {
        await using var sim = await VCenterSimulator.StartAsync(new VCenterSimulatorOptions { Vms = 150, Seed = 13, Version = "8.0.3" });
        sim.Faults.QueryPerfFails = true;

        var result = await _kit.Collector().CollectAsync(VSphereTestKit.Source(sim), new RecordingProgress(), CancellationToken.None);

        Assert.True(result.Complete);
        VSphereCollectorTests.AssertMatchesEstate(sim.Estate, result);
        Assert.Empty(result.UtilisationHistory);
        var message = Assert.Single(result.Errors);
        Assert.StartsWith("Historisk statistik (senaste 30 dagarna) kunde inte läsas för 150 av 150 VM", message, StringComparison.Ordinal);
        Assert.Contains("SystemError", message, StringComparison.Ordinal);
        Assert.Contains("Inventeringen är komplett", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(VCenterStatistics.PastMonthDisabled, "intervallet på 2 timmar är avstängt")]
    [InlineData(VCenterStatistics.LevelTooLow, "nivån är för låg")]
    public async Task Collect_NoStatisticsKept_NoteAndNothingAsked(VCenterStatistics statistics, string why)
    {
        await using var sim = await VCenterSimulator.StartAsync(new VCenterSimulatorOptions { Vms = 40, Seed = 14, Version = "8.0.3", Statistics = statistics });

        var result = await _kit.Collector().CollectAsync(VSphereTestKit.Source(sim), new RecordingProgress(), CancellationToken.None);

        Assert.True(result.Complete);
        Assert.Empty(result.UtilisationHistory);
        var note = Assert.Single(result.Errors);
        Assert.StartsWith("Ingen historisk statistik lästes:", note, StringComparison.Ordinal);
        Assert.Contains(why, note, StringComparison.Ordinal);
        Assert.Equal(0, QueryPerfCalls(sim));
    }

    [Fact]
    public async Task Collect_StatisticsAlreadyReadThroughYesterday_NotAskedAgain()
    {
        await using var sim = await VCenterSimulator.StartAsync(new VCenterSimulatorOptions { Vms = 40, Seed = 15, Version = "8.0.3" });
        var yesterday = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);

        var skipped = await _kit.Collector().CollectAsync(
            VSphereTestKit.Source(sim) with { StatisticsKnownThrough = yesterday }, new RecordingProgress(), CancellationToken.None);
        var since = await _kit.Collector().CollectAsync(
            VSphereTestKit.Source(sim) with { StatisticsKnownThrough = yesterday.AddDays(-3) }, new RecordingProgress(), CancellationToken.None);

        Assert.Empty(skipped.UtilisationHistory);
        Assert.Equal(1, QueryPerfCalls(sim)); // only the second scan asked
        Assert.All(since.UtilisationHistory, h => Assert.Equal([yesterday.AddDays(-2), yesterday.AddDays(-1), yesterday], h.Days.Select(d => d.Day).ToList()));
        Assert.NotEmpty(since.UtilisationHistory);
    }

    [Fact]
    public async Task Collect_Version703_RestPathReadsNoStatistics()
    {
        await using var sim = await VCenterSimulator.StartAsync(new VCenterSimulatorOptions { Vms = 30, Seed = 16, Version = "7.0.3" });

        var result = await _kit.Collector().CollectAsync(VSphereTestKit.Source(sim), new RecordingProgress(), CancellationToken.None);

        Assert.True(result.Complete, string.Join("\n", result.Errors));
        Assert.Equal("REST /api", result.ApiPath);
        Assert.Empty(result.Errors);
        Assert.Empty(result.UtilisationHistory);
        Assert.DoesNotContain(sim.Requests, r => r.Contains("PerformanceManager", StringComparison.Ordinal));
    }

    private static int QueryPerfCalls(VCenterSimulator sim) => sim.Requests.Count(r => r.StartsWith("POST " + PerfManager + "QueryPerf", StringComparison.Ordinal)
        && r.EndsWith("/QueryPerf", StringComparison.Ordinal));
}
