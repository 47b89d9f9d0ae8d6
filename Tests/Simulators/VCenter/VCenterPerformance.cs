using System.Globalization;
using System.Text.Json.Nodes;

namespace Sourcing.Tests.Simulators.VCenter;

/// <summary>
/// The simulated vCenter's PerformanceManager through VI/JSON (vi-json.yaml): GET historicalInterval and perfCounter,
/// POST QueryPerfCounterByLevel and QueryPerf (PerfQuerySpec in, PerfEntityMetric with PerfSampleInfo and
/// PerfMetricIntSeries out). Counter ids depend on the seed, as they differ between real vCenters. Each powered-on VM
/// has a deterministic month of 2-hour samples derived from its current use (<see cref="Series"/>): busier in office
/// hours, quieter at night and at weekends, so its p95 differs from today's reading. A historical query asking for more
/// metrics than <see cref="VCenterSimulatorOptions.MaxQueryMetrics"/> is refused as vCenter does (RestrictedByAdministrator).
/// </summary>
internal sealed class VCenterPerformance(VCenterEstate estate, VCenterFaults faults, VCenterSimulatorOptions options)
{
    public const string MoId = "PerfMgr";
    public const int PastMonthSeconds = 7200;
    private static readonly TimeSpan Kept = TimeSpan.FromDays(30);

    /// <summary>(group, name, rollup, unit, level, statsType) of the counters served; keys are an offset from the seed plus the index.</summary>
    private static readonly (string Group, string Name, string Rollup, string Unit, int Level, string Stats)[] Counters =
    [
        ("cpu", "usage", "none", "percent", 4, "rate"),
        ("cpu", "usage", "maximum", "percent", 4, "rate"),
        ("cpu", "usagemhz", "average", "megaHertz", 1, "rate"),
        ("cpu", "usage", "average", "percent", 1, "rate"),
        ("mem", "usage", "minimum", "percent", 4, "absolute"),
        ("mem", "active", "average", "kiloBytes", 2, "absolute"),
        ("mem", "usage", "average", "percent", 1, "absolute"),
        ("disk", "usage", "average", "kiloBytesPerSecond", 1, "rate"),
    ];

    private int KeyBase => 100 + (Math.Abs(options.Seed) % 50) * 10;

    public int CpuUsageAverageKey => KeyBase + 3;

    public int MemoryUsageAverageKey => KeyBase + 6;

    public (int Status, JsonNode? Body) Dispatch(string method, string operation, JsonNode? body) => (method, operation) switch
    {
        ("GET", "historicalInterval") => (200, Intervals()),
        ("GET", "perfCounter") => (200, CounterInfos(int.MaxValue)),
        ("POST", "QueryPerfCounterByLevel") => body?["level"] is JsonValue l && l.TryGetValue<int>(out var level) && level is >= 1 and <= 4
            ? (200, CounterInfos(options.Statistics == VCenterStatistics.LevelTooLow ? 0 : level))
            : InvalidArgument("level"),
        ("POST", "QueryPerf") => QueryPerf(body),
        _ => (404, null),
    };

    private JsonArray Intervals()
    {
        var list = new JsonArray();
        foreach (var (key, seconds, name, length) in new[]
        {
            (1, 300, "Past day", 86400), (2, 1800, "Past week", 604800), (3, PastMonthSeconds, "Past month", 2592000), (4, 86400, "Past year", 31536000),
        })
        {
            list.Add(new JsonObject
            {
                ["_typeName"] = "PerfInterval",
                ["key"] = key,
                ["samplingPeriod"] = seconds,
                ["name"] = name,
                ["length"] = length,
                ["level"] = 1,
                ["enabled"] = !(seconds == PastMonthSeconds && options.Statistics == VCenterStatistics.PastMonthDisabled),
            });
        }

        return list;
    }

    /// <summary>PerfCounterInfo of every counter collected at <paramref name="level"/> or below.</summary>
    private JsonArray CounterInfos(int level)
    {
        var list = new JsonArray();
        for (var i = 0; i < Counters.Length; i++)
        {
            var c = Counters[i];
            if (c.Level > level)
            {
                continue;
            }

            list.Add(new JsonObject
            {
                ["_typeName"] = "PerfCounterInfo",
                ["key"] = KeyBase + i,
                ["nameInfo"] = Description(c.Name, c.Name),
                ["groupInfo"] = Description(c.Group == "cpu" ? "CPU" : c.Group == "mem" ? "Memory" : "Disk", c.Group),
                ["unitInfo"] = Description(c.Unit == "percent" ? "%" : c.Unit, c.Unit),
                ["rollupType"] = c.Rollup,
                ["statsType"] = c.Stats,
                ["level"] = c.Level,
                ["perDeviceLevel"] = Math.Min(4, c.Level + 2),
            });
        }

        return list;
    }

    private static JsonObject Description(string label, string key) =>
        new() { ["_typeName"] = "ElementDescription", ["label"] = label, ["summary"] = label, ["key"] = key };

    private static (int, JsonNode?) InvalidArgument(string property) =>
        (500, VCenterViJson.Fault("InvalidArgument", "A specified parameter was not correct: " + property, new JsonObject { ["invalidProperty"] = property }));

    private (int, JsonNode?) QueryPerf(JsonNode? body)
    {
        if (faults.QueryPerfFails)
        {
            return (500, VCenterViJson.Fault("SystemError", "A general system error occurred: statistics database unavailable",
                new JsonObject { ["reason"] = "statistics database unavailable" }));
        }

        if (body?["querySpec"] is not JsonArray { Count: > 0 } specs)
        {
            return InvalidArgument("querySpec");
        }

        var metrics = specs.Sum(s => s?["metricId"] is JsonArray ids ? ids.Count : Counters.Length);
        if (metrics > options.MaxQueryMetrics)
        {
            return (500, VCenterViJson.Fault("RestrictedByAdministrator",
                "This operation is restricted by the administrator - 'vpxd.stats.maxQueryMetrics'. Contact your system administrator.",
                new JsonObject { ["details"] = "vpxd.stats.maxQueryMetrics" }));
        }

        var now = DateTimeOffset.UtcNow;
        var answer = new JsonArray();
        foreach (var spec in specs.OfType<JsonObject>())
        {
            if (spec["entity"] is not JsonObject entity || entity["type"]?.ToString() != "VirtualMachine")
            {
                return InvalidArgument("querySpec.entity");
            }

            if (spec["intervalId"] is not JsonValue interval || !interval.TryGetValue<int>(out var seconds) || seconds != PastMonthSeconds
                || options.Statistics == VCenterStatistics.PastMonthDisabled)
            {
                return InvalidArgument("querySpec.interval");
            }

            var vm = estate.FindVm(entity["value"]?.ToString() ?? "");
            if (vm is null)
            {
                continue;
            }

            var start = Time(spec["startTime"]) ?? now - Kept;
            var end = Time(spec["endTime"]) ?? now;
            var metric = new JsonObject { ["_typeName"] = "PerfEntityMetric", ["entity"] = VCenterViJson.Mor("VirtualMachine", vm.Id) };
            var wanted = spec["metricId"] is JsonArray metricIds
                ? metricIds.Select(m => m?["counterId"] is JsonValue v && v.TryGetValue<int>(out var k) ? k : -1).ToList()
                : new List<int> { CpuUsageAverageKey, MemoryUsageAverageKey };
            var series = options.Statistics == VCenterStatistics.LevelTooLow ? new List<(DateTimeOffset End, int Cpu, int Memory)>() : Series(vm, start < now - Kept ? now - Kept : start, end < now ? end : now);
            if (series.Count > 0)
            {
                metric["sampleInfo"] = new JsonArray([.. series.Select(s => (JsonNode)new JsonObject
                {
                    ["_typeName"] = "PerfSampleInfo",
                    ["timestamp"] = s.End.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                    ["interval"] = PastMonthSeconds,
                })]);
                var values = new JsonArray();
                foreach (var key in wanted)
                {
                    if (key == CpuUsageAverageKey || key == MemoryUsageAverageKey)
                    {
                        values.Add(new JsonObject
                        {
                            ["_typeName"] = "PerfMetricIntSeries",
                            ["id"] = new JsonObject { ["_typeName"] = "PerfMetricId", ["counterId"] = key, ["instance"] = "" },
                            ["value"] = new JsonArray([.. series.Select(s => (JsonNode)(key == CpuUsageAverageKey ? s.Cpu : s.Memory))]),
                        });
                    }
                }

                metric["value"] = values;
            }

            answer.Add(metric);
        }

        return (200, answer);
    }

    private static DateTimeOffset? Time(JsonNode? node) =>
        DateTimeOffset.TryParse(node?.ToString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t)
            ? t
            : null;

    /// <summary>
    /// A VM's 2-hour samples (end of interval, hundredths of a percent) with ends in (from, to]: none when it is off now.
    /// CPU: today's use × 1.3 in office hours (slots starting 06–16 UTC) on weekdays, × 0.7 then at weekends, × 0.5 at
    /// night, ± up to 15 % of today's use from a hash of VM and slot. Memory: today's use × 0.9, + 0.2 in office hours, ± 7 %.
    /// </summary>
    public static List<(DateTimeOffset End, int Cpu, int Memory)> Series(SimVm vm, DateTimeOffset from, DateTimeOffset to)
    {
        var list = new List<(DateTimeOffset, int, int)>();
        if (vm.PowerState != "POWERED_ON")
        {
            return list;
        }

        var slot = PastMonthSeconds * 10_000_000L;
        var first = new DateTimeOffset((from.UtcTicks / slot + 1) * slot, TimeSpan.Zero);
        for (var end = first; end <= to; end = end.AddSeconds(PastMonthSeconds))
        {
            var start = end.AddSeconds(-PastMonthSeconds);
            var office = start.Hour is >= 6 and <= 16;
            var weekend = start.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
            var factor = office ? (weekend ? 0.7 : 1.3) : 0.5;
            var noise = Noise(vm.Id, end.ToUnixTimeSeconds());
            var cpu = Math.Clamp(vm.CpuUsagePercent * (factor + 0.15 * noise), 0, 100);
            var memory = Math.Clamp(vm.MemoryUsagePercent * (0.9 + (office ? 0.2 : 0) + 0.07 * noise), 0, 100);
            list.Add((end, (int)Math.Round(cpu * 100), (int)Math.Round(memory * 100)));
        }

        return list;
    }

    /// <summary>A repeatable number in [-1, 1] from the VM and the slot (FNV-1a).</summary>
    private static double Noise(string vmId, long slot)
    {
        var hash = 2166136261u;
        foreach (var c in vmId + "/" + slot.ToString(CultureInfo.InvariantCulture))
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (hash % 2001) / 1000.0 - 1;
    }
}
