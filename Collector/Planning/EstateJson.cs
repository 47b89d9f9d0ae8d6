using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sourcing.Analyzer;
using Sourcing.Analyzer.Lifecycle;
using Sourcing.Analyzer.Planning;
using Sourcing.Analyzer.Workloads;

namespace Sourcing.Collector.Planning;

/// <summary>
/// The estate file (<c>"format": "sourcing-estate/1"</c>): everything the forecast reads besides the
/// scenario, so that `sourcing forecast --scenario FILE --estate FILE` reproduces a board figure
/// without the database. Written by `sourcing estate export`; the shape is documented in
/// Collector/Planning/README.md. Reading checks every field's range and names the field that is wrong.
/// </summary>
public static class EstateJson
{
    public const string Format = "sourcing-estate/1";

    public static string Serialize(Estate estate)
    {
        ArgumentNullException.ThrowIfNull(estate);
        var file = new EstateFile
        {
            Format = Format,
            DriftFte = estate.DriftFte,
            DevelopmentFte = estate.DevelopmentFte,
            CostPools = new SortedDictionary<string, double>(estate.CostPools.ToDictionary(kv => kv.Key, kv => kv.Value), StringComparer.Ordinal),
            Hosts = [.. estate.Hosts],
            Systems = [.. estate.Systems.OrderBy(s => s.Id).Select(s => new EstateFileSystem
            {
                Id = s.Id,
                Name = s.Name,
                Department = s.Department,
                Confidentiality = s.Confidentiality,
                DriftHours = s.DriftHoursPerYear,
                LicenceSekPerYear = s.LicenceSekPerYear,
                Recommendation = s.Recommended,
                OsFamily = s.OsFamily,
                OsSupport = s.OsSupport,
                TwentyFourSeven = s.TwentyFourSeven,
                SaasPricePerYear = s.SaasPricePerYear,
                Gates = s.Gates.OrderBy(g => g.Key).ToDictionary(g => g.Key.ToString(), g => new EstateFileGate(g.Value.Verdict, g.Value.Rule)),
                Vms = [.. s.AllServers()],
            })],
        };
        return JsonSerializer.Serialize(file, ScenarioJson.Options);
    }

    /// <summary>Reads and checks an estate file; <see cref="ScenarioFormatException"/> names the field that is wrong.</summary>
    public static Estate Deserialize(string json)
    {
        JsonObject document;
        try
        {
            document = JsonNode.Parse(json)?.AsObject() ?? throw new ScenarioFormatException("Filen är tom.");
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            throw new ScenarioFormatException("Filen är inte giltig JSON: " + e.Message, e);
        }

        var format = document["format"] is JsonValue v && v.TryGetValue<string>(out var f) ? f : null;
        if (format != Format)
        {
            throw new ScenarioFormatException($"format: okänt format \"{format}\"; väntade \"{Format}\".");
        }

        EstateFile file;
        try
        {
            file = document.Deserialize<EstateFile>(ScenarioJson.Options) ?? throw new ScenarioFormatException("Beståndet saknas.");
        }
        catch (JsonException e)
        {
            throw new ScenarioFormatException($"{e.Path}: fel typ av värde. {e.Message}", e);
        }

        Check(file);
        return new Estate
        {
            DriftFte = file.DriftFte,
            DevelopmentFte = file.DevelopmentFte,
            CostPools = file.CostPools ?? new SortedDictionary<string, double>(),
            Hosts = file.Hosts ?? [],
            Systems = [.. (file.Systems ?? []).Select(s => new PlanningSystem
            {
                Id = s.Id,
                Name = s.Name ?? "",
                Department = s.Department,
                Confidentiality = s.Confidentiality,
                DriftHoursPerYear = s.DriftHours,
                LicenceSekPerYear = s.LicenceSekPerYear,
                Recommended = s.Recommendation,
                OsFamily = s.OsFamily ?? MajorityFamily(s.Vms ?? []),
                OsSupport = s.OsSupport,
                TwentyFourSeven = s.TwentyFourSeven,
                SaasPricePerYear = s.SaasPricePerYear,
                Gates = (s.Gates ?? []).ToDictionary(g => Enum.Parse<Destination>(g.Key), g => new PlanningGate(g.Value.Verdict, g.Value.Rule ?? "")),
                VmCount = (s.Vms ?? []).Count(vm => !vm.Physical),
                PhysicalServers = (s.Vms ?? []).Count(vm => vm.Physical),
                Vms = s.Vms ?? [],
            })],
        };
    }

    private static OsFamily MajorityFamily(IReadOnlyList<PlanningVm> vms) =>
        vms.Where(v => !v.Physical).GroupBy(v => v.Family).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => g.Key).FirstOrDefault();

    private static void Check(EstateFile file)
    {
        Range("driftFte", file.DriftFte, 0, 100_000);
        Range("developmentFte", file.DevelopmentFte, 0, 100_000);
        foreach (var (key, value) in file.CostPools ?? [])
        {
            if (key != CostPools.TotalKey && (!CostPools.TryGet(key, out var info) || info.Pool == CostPool.DriftStaff))
            {
                throw new ScenarioFormatException($"costPools.{key}: okänd kostnadspool; giltiga är {CostPools.TotalKey}, "
                    + string.Join(", ", CostPools.All.Skip(1).Select(p => p.Key)) + ".");
            }

            Range($"costPools.{key}", value, 0, CostBudgetStore.MaxSekPerYear);
        }

        var hosts = file.Hosts ?? [];
        for (var i = 0; i < hosts.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(hosts[i].Name))
            {
                throw new ScenarioFormatException($"hosts[{i}].name: saknas.");
            }

            Range($"hosts[{i}].cores", hosts[i].Cores, 1, 1_024);
            Range($"hosts[{i}].refreshYear", hosts[i].RefreshYear, 2000, 2100);
        }

        var ids = new HashSet<long>();
        var systems = file.Systems ?? [];
        for (var i = 0; i < systems.Count; i++)
        {
            var s = systems[i];
            var at = $"systems[{i}]";
            if (!ids.Add(s.Id))
            {
                throw new ScenarioFormatException($"{at}.id: {s.Id} förekommer två gånger.");
            }

            if (string.IsNullOrWhiteSpace(s.Name) || s.Name.Length > 500)
            {
                throw new ScenarioFormatException($"{at}.name: saknas eller är längre än 500 tecken.");
            }

            Range($"{at}.confidentiality", s.Confidentiality, 0, 4);
            Range($"{at}.driftHours", s.DriftHours, 0, 1_000_000);
            Range($"{at}.licenceSekPerYear", s.LicenceSekPerYear, 0, 9_999_999_999);
            Range($"{at}.saasPricePerYear", s.SaasPricePerYear, 0, 9_999_999_999);
            foreach (var key in (s.Gates ?? []).Keys)
            {
                if (!Enum.TryParse<Destination>(key, out _))
                {
                    throw new ScenarioFormatException($"{at}.gates.{key}: okänd destination.");
                }
            }

            var vms = s.Vms ?? [];
            for (var j = 0; j < vms.Count; j++)
            {
                var vm = vms[j];
                var vmAt = $"{at}.vms[{j}]";
                Range($"{vmAt}.vCpu", vm.VCpu, 1, 1_024);
                Range($"{vmAt}.memoryGib", vm.MemoryGib, 0, 65_536);
                Range($"{vmAt}.storageGib", vm.StorageGib, 0, 10_000_000);
                // vCenter can report a little over 100 % (turbo); sizing clamps to the configured size.
                Range($"{vmAt}.cpuP95", vm.CpuP95, 0, 1_000);
                Range($"{vmAt}.memoryP95", vm.MemoryP95, 0, 1_000);
                Range($"{vmAt}.utilisationDays", vm.UtilisationDays, 0, 3_660);
            }
        }
    }

    private static void Range(string field, double? value, double min, double max)
    {
        if (value is { } v && (!double.IsFinite(v) || v < min || v > max))
        {
            throw new ScenarioFormatException(string.Format(CultureInfo.GetCultureInfo("sv-SE"),
                "{0}: måste vara {1:N0}–{2:N0} (är {3}).", field, min, max, v.ToString(CultureInfo.InvariantCulture)));
        }
    }

    private sealed record EstateFile
    {
        public string? Format { get; init; }
        public double? DriftFte { get; init; }
        public double? DevelopmentFte { get; init; }
        public SortedDictionary<string, double>? CostPools { get; init; }
        public List<PlanningHost>? Hosts { get; init; }
        public List<EstateFileSystem>? Systems { get; init; }
    }

    private sealed record EstateFileSystem
    {
        public long Id { get; init; }
        public string? Name { get; init; }
        public string? Department { get; init; }
        public int? Confidentiality { get; init; }
        public double? DriftHours { get; init; }
        public double LicenceSekPerYear { get; init; }
        public Destination? Recommendation { get; init; }
        public OsFamily? OsFamily { get; init; }
        public SupportStatus OsSupport { get; init; }
        public bool TwentyFourSeven { get; init; }
        public double? SaasPricePerYear { get; init; }
        public Dictionary<string, EstateFileGate>? Gates { get; init; }
        public List<PlanningVm>? Vms { get; init; }
    }

    private sealed record EstateFileGate(PlanningGateVerdict Verdict, string? Rule);
}
