using System.Text.Json;

namespace Sourcing.Analyzer.Assessment;

/// <summary>
/// The drift effort model's parameters. Defaults from domain.md "Defaults with sources" and
/// research/domain.md §0 and §1.1; <see cref="Sources"/> gives each default's source text, which
/// the product shows beside the value. <see cref="StatedDriftFte"/> is what the region says it
/// has in drift today; when given, the model is scaled so its total matches.
/// </summary>
public sealed record EffortParameters
{
    public int Version { get; init; } = 1;
    public double VmsPerFte { get; init; } = 60;
    public double PhysicalServersPerFte { get; init; } = 15;
    public double ProductiveHoursPerFte { get; init; } = 1600;
    /// <summary>A non-VM cloud resource (App Service, SQL database, storage) as a share of a VM's effort.</summary>
    public double CloudResourceVmEquivalent { get; init; } = 0.1;
    public double TwentyFourSevenMultiplier { get; init; } = 1.3;
    public double HeterogeneityMultiplier { get; init; } = 1.2;
    public double UnsupportedOsMultiplier { get; init; } = 1.2;
    public double MedicalDeviceMultiplier { get; init; } = 1.2;
    /// <summary>FTE the region has in server operation today (input for calibration); null = no calibration.</summary>
    public double? StatedDriftFte { get; init; }

    public static EffortParameters Default { get; } = new();

    public static IReadOnlyDictionary<string, string> Sources { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [nameof(VmsPerFte)] = "60 (30–150) VM/FTE. research/domain.md §0 #1: EMA average 77 (range 18–1,800); Gartner: virtual 75–250; IDC (AU SMB) 80:1.",
        [nameof(PhysicalServersPerFte)] = "15 (10–30) servers/FTE. research/domain.md §0 #2: META most organisations 10–20:1, >30:1 = understaffed; a government organisation reported 15–20:1.",
        [nameof(ProductiveHoursPerFte)] = "1,600 h/year. research/domain.md §0 #13: 2,080 gross − holidays − vacation ≈ 1,760–1,800 h årsarbetstid, minus ~4 % sick leave and ~5 % training/admin.",
        [nameof(CloudResourceVmEquivalent)] = "0.1 VM. Sourcing's assumption (UNVERIFIED): PaaS resources need no OS care, only configuration, access and cost follow-up.",
        [nameof(TwentyFourSevenMultiplier)] = "×1.3. research/domain.md §1.1 model guidance: 24/7 on-call ×1.3, UNVERIFIED.",
        [nameof(HeterogeneityMultiplier)] = "×1.2. research/domain.md §1.1 model guidance: heterogeneity (many OS versions, unsupported OS) ×1.2, UNVERIFIED.",
        [nameof(UnsupportedOsMultiplier)] = "×1.2. research/domain.md §1.1 model guidance: heterogeneity (many OS versions, unsupported OS) ×1.2, UNVERIFIED; applied separately for an OS past end of support.",
        [nameof(MedicalDeviceMultiplier)] = "×1.2. research/domain.md §1.1 model guidance: medical-device-adjacent servers ×1.2, UNVERIFIED.",
        [nameof(StatedDriftFte)] = "The region's own figure; research/domain.md §1.1: calibrate against the region's own timesheets or ticket data where available.",
    };

    public string ToJson(bool indented = false) =>
        JsonSerializer.Serialize(this, indented ? AssessmentJson.Indented : AssessmentJson.Options);

    public static EffortParameters FromJson(string json) =>
        JsonSerializer.Deserialize<EffortParameters>(json, AssessmentJson.Options) ?? throw new JsonException("Empty parameters.");
}
