using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Sourcing.Collector.Inventory;

namespace Sourcing.Collector.VSphere;

/// <summary>
/// The past days of VM CPU and memory use the vCenter keeps, read through VI/JSON's PerformanceManager
/// (vi-json.yaml: GET PerformanceManager/{moId}/historicalInterval, POST QueryPerfCounterByLevel, POST QueryPerf):
/// <list type="number">
/// <item>the historical interval of 7200 s ("Past month") must exist and be enabled, else a note and nothing read;</item>
/// <item>the counter ids of cpu.usage.average and mem.usage.average are looked up by group, name and rollup among the
/// counters that interval's statistics level collects (ids differ between vCenters, so never hard-coded); missing → a note;</item>
/// <item>QueryPerf with many PerfQuerySpecs a call (one per VM, both counters, intervalId 7200, format "normal"), as many VMs a
/// call as the vCenter's vpxd.stats.maxQueryMetrics allows (<see cref="VSphereClientOptions.StatisticsMaxQueryMetrics"/>:
/// 256 metrics = 128 VMs, so 50,000 VMs cost 391 calls plus 2), <see cref="VSphereClientOptions.StatisticsConcurrency"/> at once.</item>
/// </list>
/// Only whole UTC days before today are kept (today is the scan's own quickStats reading), and only the days after
/// <c>knownThrough</c>: a source whose yesterday already came from its statistics is not asked at all, so the read costs
/// its calls once a day per source. A failing read never fails the scan: it answers what it read and a Swedish message.
/// </summary>
internal sealed class ViJsonStatistics(VSphereClient vim, JsonObject serviceContent, VSphereClientOptions options, TimeProvider time, ILogger logger)
{
    /// <summary>The "Past month" historical interval: 2-hour samples kept for 30 days.</summary>
    public const int PastMonthSeconds = 7200;

    private const int MetricsPerVm = 2;

    private readonly string _release = vim.ViJsonRelease;

    /// <summary>QueryPerf calls sent (for tests and the benchmark).</summary>
    public int QueryCalls { get; private set; }

    /// <summary>VMs per QueryPerf call: the vCenter's metric limit over two counters a VM.</summary>
    public int BatchSize => Math.Max(1, options.StatisticsMaxQueryMetrics / MetricsPerVm);

    public async Task<StatisticsRead> ReadAsync(IReadOnlyList<string> vmIds, DateOnly? knownThrough, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var from = today.AddDays(-options.StatisticsDays);
        if (knownThrough is { } known && known.AddDays(1) > from)
        {
            from = known.AddDays(1);
        }

        if (from >= today || vmIds.Count == 0)
        {
            logger.LogInformation("vCenter {Url}: statistics through {Day} already read; not asked again today", vim.BaseUrl, knownThrough);
            return new StatisticsRead([], null);
        }

        var perfManager = ViJson.MorValue(serviceContent["perfManager"]);
        if (perfManager is null)
        {
            return Note("vCenter anger ingen PerformanceManager");
        }

        int level;
        (int Cpu, int Memory) counters;
        try
        {
            var intervals = await vim.GetAsync(
                $"/sdk/vim25/{Uri.EscapeDataString(_release)}/PerformanceManager/{Uri.EscapeDataString(perfManager)}/historicalInterval", cancellationToken);
            var pastMonth = (intervals as JsonArray ?? []).OfType<JsonObject>().FirstOrDefault(i => ViJson.Long(i["samplingPeriod"]) == PastMonthSeconds);
            if (pastMonth is null || ViJson.Bool(pastMonth["enabled"]) == false)
            {
                return Note("vCenter sparar ingen statistik för senaste månaden (intervallet på 2 timmar är avstängt)");
            }

            level = (int)(ViJson.Long(pastMonth["level"]) ?? 1);
            var available = await vim.PostAsync(
                ViJsonPaths.Method(_release, "PerformanceManager", perfManager, "QueryPerfCounterByLevel"), new JsonObject { ["level"] = level }, cancellationToken);
            if (FindCounters(available) is not { } found)
            {
                return Note($"statistiknivå {level} för senaste månaden samlar inte cpu.usage.average och mem.usage.average (nivån är för låg)");
            }

            counters = found;
        }
        catch (Exception ex) when (ex is VSphereApiException or VSphereException)
        {
            logger.LogWarning("vCenter {Url}: statistics settings could not be read: {Message}", vim.BaseUrl, ex.Message);
            return new StatisticsRead([], $"Historisk statistik (senaste {options.StatisticsDays} dagarna) kunde inte läsas: {ex.Message}. "
                + "Inventeringen är komplett; dagens värden från skanningen sparades.");
        }

        var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var end = new DateTimeOffset(today.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var batches = vmIds.Chunk(BatchSize).ToList();
        var history = new List<VmUtilisationHistory>(vmIds.Count);
        var unread = 0;
        Exception? failure = null;
        var gate = new Lock();
        await Parallel.ForEachAsync(batches, new ParallelOptions
        {
            MaxDegreeOfParallelism = Math.Max(1, options.StatisticsConcurrency),
            CancellationToken = cancellationToken,
        }, async (batch, token) =>
        {
            try
            {
                lock (gate)
                {
                    QueryCalls++;
                }

                using var answer = await vim.PostForDocumentAsync(
                    ViJsonPaths.Method(_release, "PerformanceManager", perfManager, "QueryPerf"),
                    QueryPerfRequest(batch, counters, start, end), token);
                var read = Reduce(answer.RootElement, counters, from, today);
                lock (gate)
                {
                    history.AddRange(read);
                }
            }
            catch (Exception ex) when (ex is VSphereApiException or VSphereException or JsonException)
            {
                lock (gate)
                {
                    failure ??= ex;
                    unread += batch.Length;
                }
            }
        });

        logger.LogInformation(
            "vCenter {Url}: statistics {From}..{To} of {Count} VMs read in {Calls} QueryPerf calls ({Batch} VMs a call), {Unread} not read",
            vim.BaseUrl, from, today.AddDays(-1), vmIds.Count, QueryCalls, BatchSize, unread);
        return new StatisticsRead(history, failure is null ? null
            : $"Historisk statistik (senaste {options.StatisticsDays} dagarna) kunde inte läsas för {unread} av {vmIds.Count} VM: {failure.Message}. "
              + "Inventeringen är komplett; dagens värden från skanningen sparades.");
    }

    private StatisticsRead Note(string why)
    {
        logger.LogInformation("vCenter {Url}: no kept statistics read: {Why}", vim.BaseUrl, why);
        return new StatisticsRead([], $"Ingen historisk statistik lästes: {why}. Inventeringen är komplett; dagens värden från skanningen sparades.");
    }

    /// <summary>cpu.usage.average and mem.usage.average among PerfCounterInfo entries, by groupInfo.key, nameInfo.key and rollupType.</summary>
    internal static (int Cpu, int Memory)? FindCounters(JsonNode? counters)
    {
        int? cpu = null, memory = null;
        foreach (var counter in (counters as JsonArray ?? []).OfType<JsonObject>())
        {
            var key = (int?)ViJson.Long(counter["key"]);
            var group = ViJson.Str(counter["groupInfo"]?["key"]);
            var name = ViJson.Str(counter["nameInfo"]?["key"]);
            var rollup = ViJson.Str(counter["rollupType"]);
            if (key is null || name != "usage" || rollup != "average")
            {
                continue;
            }

            if (group == "cpu")
            {
                cpu ??= key;
            }
            else if (group == "mem")
            {
                memory ??= key;
            }
        }

        return cpu is { } c && memory is { } m ? (c, m) : null;
    }

    /// <summary>QueryPerfRequestType: one PerfQuerySpec per VM, both counters (instance "" = the VM as a whole).</summary>
    internal static JsonObject QueryPerfRequest(IEnumerable<string> vmIds, (int Cpu, int Memory) counters, DateTimeOffset start, DateTimeOffset end) => new()
    {
        ["querySpec"] = new JsonArray([.. vmIds.Select(id => (JsonNode)new JsonObject
        {
            ["_typeName"] = "PerfQuerySpec",
            ["entity"] = ViJson.Mor("VirtualMachine", id),
            ["startTime"] = start.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["endTime"] = end.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["metricId"] = new JsonArray(
                new JsonObject { ["_typeName"] = "PerfMetricId", ["counterId"] = counters.Cpu, ["instance"] = "" },
                new JsonObject { ["_typeName"] = "PerfMetricId", ["counterId"] = counters.Memory, ["instance"] = "" }),
            ["intervalId"] = PastMonthSeconds,
            ["format"] = "normal",
        })]),
    };

    /// <summary>
    /// The PerfEntityMetric entries of a QueryPerf answer (read as a <see cref="JsonElement"/>: about 30 KB a VM for a month),
    /// each VM's samples reduced to one figure a day.
    /// </summary>
    internal static List<VmUtilisationHistory> Reduce(JsonElement answer, (int Cpu, int Memory) counters, DateOnly from, DateOnly today)
    {
        var result = new List<VmUtilisationHistory>();
        if (answer.ValueKind != JsonValueKind.Array)
        {
            return result;
        }

        foreach (var metric in answer.EnumerateArray())
        {
            if (metric.ValueKind != JsonValueKind.Object
                || !metric.TryGetProperty("entity", out var entity) || entity.ValueKind != JsonValueKind.Object
                || !entity.TryGetProperty("value", out var idElement) || idElement.GetString() is not { } id
                || !metric.TryGetProperty("sampleInfo", out var sampleInfo) || sampleInfo.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            var samples = new List<(DateTimeOffset End, int Seconds)>(sampleInfo.GetArrayLength());
            foreach (var info in sampleInfo.EnumerateArray())
            {
                var at = info.TryGetProperty("timestamp", out var stamp) && stamp.ValueKind == JsonValueKind.String
                    && DateTimeOffset.TryParse(stamp.GetString(), CultureInfo.InvariantCulture,
                        DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t) ? t : DateTimeOffset.MinValue;
                var seconds = info.TryGetProperty("interval", out var interval) && interval.TryGetInt32(out var s) ? s : PastMonthSeconds;
                samples.Add((at, seconds));
            }

            long[]? cpu = null, memory = null;
            if (metric.TryGetProperty("value", out var series) && series.ValueKind == JsonValueKind.Array)
            {
                foreach (var one in series.EnumerateArray())
                {
                    if (!one.TryGetProperty("id", out var metricId) || !metricId.TryGetProperty("counterId", out var counterElement)
                        || !counterElement.TryGetInt32(out var counter) || !one.TryGetProperty("value", out var values)
                        || values.ValueKind != JsonValueKind.Array)
                    {
                        continue;
                    }

                    var list = new long[values.GetArrayLength()];
                    var i = 0;
                    foreach (var v in values.EnumerateArray())
                    {
                        list[i++] = v.TryGetInt64(out var n) ? n : -1;
                    }

                    if (counter == counters.Cpu)
                    {
                        cpu = list;
                    }
                    else if (counter == counters.Memory)
                    {
                        memory = list;
                    }
                }
            }

            var days = DailyMax(samples, cpu, memory, from, today);
            if (days.Count > 0)
            {
                result.Add(new VmUtilisationHistory(id, days));
            }
        }

        return result;
    }

    /// <summary>
    /// One figure a day: the day's highest 2-hour average, per counter (conservative for sizing: a VM is sized for its
    /// busiest two hours, not its average day). A sample's timestamp is the END of its interval, so the sample stamped
    /// 00:00 belongs to the 22:00–24:00 interval of the day before. Values are hundredths of a percent; -1 (no value) is
    /// left out; a day with no value of either counter is not answered. Only days from <paramref name="from"/> up to,
    /// not including, <paramref name="today"/>.
    /// </summary>
    internal static List<DailyUtilisation> DailyMax(
        IReadOnlyList<(DateTimeOffset End, int Seconds)> samples, long[]? cpu, long[]? memory, DateOnly from, DateOnly today)
    {
        var days = new SortedDictionary<DateOnly, (short Cpu, short Memory)>();
        for (var i = 0; i < samples.Count; i++)
        {
            if (samples[i].End == DateTimeOffset.MinValue)
            {
                continue;
            }

            var day = DateOnly.FromDateTime(samples[i].End.AddSeconds(-Math.Max(1, samples[i].Seconds)).UtcDateTime);
            if (day < from || day >= today)
            {
                continue;
            }

            var c = cpu is not null && i < cpu.Length ? Clamp(cpu[i]) : (short)-1;
            var m = memory is not null && i < memory.Length ? Clamp(memory[i]) : (short)-1;
            var seen = days.TryGetValue(day, out var d) ? d : ((short)-1, (short)-1);
            days[day] = (Math.Max(seen.Item1, c), Math.Max(seen.Item2, m));
        }

        return [.. days.Where(d => d.Value.Cpu >= 0 || d.Value.Memory >= 0).Select(d => new DailyUtilisation(d.Key, d.Value.Cpu, d.Value.Memory))];
    }

    private static short Clamp(long hundredths) => hundredths < 0 ? (short)-1 : (short)Math.Min(hundredths, 10000);
}

/// <summary>What a statistics read gave: the VMs' past days, and a Swedish note or error for the scan (null: all read).</summary>
internal sealed record StatisticsRead(IReadOnlyList<VmUtilisationHistory> History, string? Message);
