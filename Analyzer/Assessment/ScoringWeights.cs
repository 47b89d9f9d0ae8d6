using System.Text.Json;

namespace Sourcing.Analyzer.Assessment;

/// <summary>
/// How much each factor can move a destination's score (points on a 0–100 scale, starting at
/// <see cref="BaseScore"/>). A factor at full strength adds or subtracts its weight times its
/// direction for the destination (see <see cref="SuitabilityScorer"/>). The defaults follow the
/// suggested weights in research/domain.md §5.1 "Suggested scoring factors" (15 % → 15 points);
/// those are marked UNVERIFIED there, which is why the region can change every one.
/// </summary>
public sealed record ScoringWeights
{
    public int Version { get; init; } = 1;
    /// <summary>Every allowed destination starts here.</summary>
    public double BaseScore { get; init; } = 50;
    /// <summary>OS past end of support (worst resource) — 15 % in §5.1; pushes away from own operation.</summary>
    public double OsSupport { get; init; } = 15;
    /// <summary>Custom-built software — 10 %; against SaaS.</summary>
    public double InHouseBuilt { get; init; } = 10;
    /// <summary>A SaaS edition exists (or not) — 10 %.</summary>
    public double SaasAvailable { get; init; } = 10;
    /// <summary>Integration coupling — 15 %; against moving out.</summary>
    public double Integrations { get; init; } = 15;
    /// <summary>Medical-device, low-latency LAN or offline need — 15 %; strongly against cloud.</summary>
    public double MedicalDevice { get; init; } = 15;
    /// <summary>24×7 need — 10 %; against cloud/SaaS.</summary>
    public double TwentyFourSeven { get; init; } = 10;
    /// <summary>Data gravity (storage) — 10 %.</summary>
    public double DataVolume { get; init; } = 10;
    /// <summary>Over-provisioning (rightsizing potential), where known — 5 %.</summary>
    public double OverProvisioning { get; init; } = 5;
    /// <summary>Drift effort today (hours per year) — 10 %; the more it costs, the more moving out frees.</summary>
    public double DriftEffort { get; init; } = 10;
    /// <summary>Contract ending soon: the window to change supplier or move to SaaS. Not in §5.1; Sourcing's default.</summary>
    public double ContractWindow { get; init; } = 10;
    /// <summary>Lifecycle (in use / being replaced / to be retired): mostly decides Retire. Sourcing's default.</summary>
    public double Lifecycle { get; init; } = 30;
    /// <summary>Subtracted from a destination whose gate verdict is Conditional (conditions cost work).</summary>
    public double ConditionalPenalty { get; init; } = 5;

    /// <summary>Integrations at which the integration factor is at full strength.</summary>
    public int IntegrationsFullEffect { get; init; } = 10;
    /// <summary>Storage (GiB) at which the data-volume factor is at full strength.</summary>
    public double DataVolumeFullEffectGib { get; init; } = 10_000;
    /// <summary>Drift hours per year at which the drift-effort factor is at full strength (≈ ¼ FTE).</summary>
    public double DriftEffortFullEffectHours { get; init; } = 400;
    /// <summary>A contract ending within this many months (or already ended) opens the window.</summary>
    public int ContractWindowMonths { get; init; } = 18;

    public static ScoringWeights Default { get; } = new();

    public string ToJson(bool indented = false) =>
        JsonSerializer.Serialize(this, indented ? AssessmentJson.Indented : AssessmentJson.Options);

    public static ScoringWeights FromJson(string json) =>
        JsonSerializer.Deserialize<ScoringWeights>(json, AssessmentJson.Options) ?? throw new JsonException("Empty weights.");
}
