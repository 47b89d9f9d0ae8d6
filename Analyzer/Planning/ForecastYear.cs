namespace Sourcing.Analyzer.Planning;

/// <summary>
/// One year of a forecast. FTE figures are FTE-years within the year (quarter averages: a move in
/// the third quarter counts for half a year); the *Headcount fields are the state at year end;
/// flows (left, retrained, transferred) are what happened in the year. Staff, supplier
/// and SaaS costs are SEK in that year's money; the in-house cost pools and cloud prices are fixed
/// prices. The comparison is like for like: both sides hold the same cost pools and neither holds
/// development posts, so <see cref="LikeForLikeDifference"/> = scenario − baseline is the cost of
/// the sourcing itself (negative is a saving); the posts redirected to utveckling are reported
/// apart in <see cref="RedirectedPostsCost"/>.
/// </summary>
public sealed record ForecastYear
{
    public required int Year { get; init; }
    public required int SystemsMoving { get; init; }
    public required double MovedDriftHours { get; init; }
    public required double MovedDriftFte { get; init; }
    /// <summary>FTE still needed in drift.</summary>
    public required double DriftFte { get; init; }
    /// <summary>FTE in development roles, those still in retraining included.</summary>
    public required double UtvecklingFte { get; init; }
    public required double InRetrainingFte { get; init; }
    public double UtvecklingProductiveFte => UtvecklingFte - InRetrainingFte;
    /// <summary>Retained organisation (beställarorganisation).</summary>
    public required double BestallarFte { get; init; }
    /// <summary>Drift FTE freed net of the retained organisation.</summary>
    public required double FreedFte { get; init; }
    public required double TransferredFte { get; init; }
    public required double LeftByRetirementFte { get; init; }
    /// <summary>Other attrition (not retirement) whose posts were not refilled in drift.</summary>
    public required double LeftByAttritionFte { get; init; }
    public required double RetrainedFte { get; init; }
    /// <summary>Freed staff no channel could absorb this year: a warning, still on the payroll.</summary>
    public required double SurplusFte { get; init; }
    /// <summary>Development posts added, per target role, at year end.</summary>
    public required IReadOnlyList<RoleFte> Roles { get; init; }
    /// <summary>Head count at year end: drift (surplus included), development (today's and added), retained organisation.</summary>
    public required double DriftHeadcount { get; init; }
    public required double DevelopmentHeadcount { get; init; }
    public required double RetainedHeadcount { get; init; }
    /// <summary>In retraining at year end.</summary>
    public required double InTrainingFte { get; init; }
    /// <summary>Flows within the year: transferred to a supplier, left (retirement and other attrition).</summary>
    public required double TransferredPersons { get; init; }
    public required double LeftPersons { get; init; }
    /// <summary>People without a place at year end, as whole persons.</summary>
    public required int SurplusPersons { get; init; }
    /// <summary>The quarter ("2029 kv. 2") by which the channels absorb this year's surplus; null when they do not within the horizon.</summary>
    public string? SurplusAbsorbedBy { get; init; }
    /// <summary>Development posts added, head count at year end.</summary>
    public required double DevelopmentFteGained { get; init; }
    /// <summary>Development posts added, FTE-years within the year.</summary>
    public required double DevelopmentFteYearsGained { get; init; }
    public required double RetrainingCost { get; init; }
    /// <summary>Servers on an OS without support (today's status) at year end: continuing as today, and in the scenario (SaaS, retirement, replatforming and replacement take them away; a rehost keeps its OS).</summary>
    public int UnsupportedOsServersBaseline { get; init; }
    public int UnsupportedOsServersScenario { get; init; }
    /// <summary>Drift staff still in drift, surplus included (the drift staff pool on the scenario side).</summary>
    public required double InternalStaffCost { get; init; }
    /// <summary>The retained organisation (beställarorganisation) at development salary.</summary>
    public required double RetainedCost { get; init; }
    public required double SupplierCost { get; init; }
    public required double CloudCost { get; init; }
    public required double SaasCost { get; init; }
    public required double TransitionCost { get; init; }
    public required double GovernanceCost { get; init; }
    /// <summary>Everything the scenario pays for operating IT: pools, retained organisation, supplier, cloud, SaaS, transition, governance.</summary>
    public required double ScenarioCost { get; init; }
    /// <summary>Continuing as today: every pool, drift staff included.</summary>
    public required double BaselineCost { get; init; }
    public required double LikeForLikeDifference { get; init; }
    public required double CumulativeDifference { get; init; }
    /// <summary>Per pool key (<see cref="CostPools"/>): baseline and scenario.</summary>
    public required IReadOnlyDictionary<string, PoolCost> CostByPool { get; init; }
    /// <summary>Salaries of the development posts the scenario adds (retrained and redirected), outside the comparison.</summary>
    public required double RedirectedPostsCost { get; init; }
    /// <summary>Development staff in all: today's plus the added posts.</summary>
    public required double DevelopmentStaffCost { get; init; }
    /// <summary>The year's IT cost by ESV category (it-kostnadsmallen), baseline and scenario, development staff included.</summary>
    public required IReadOnlyDictionary<string, PoolCost> CostByEsvCategory { get; init; }
    /// <summary>ESV's säkerställa share: operating cost over all IT cost (operation, change and development), baseline and scenario.</summary>
    public required double SecureShareBaseline { get; init; }
    public required double SecureShareScenario { get; init; }

    public double ScenarioCostMkr => ScenarioCost / 1e6;
    public double BaselineCostMkr => BaselineCost / 1e6;
    public double LikeForLikeDifferenceMkr => LikeForLikeDifference / 1e6;
    public double CumulativeDifferenceMkr => CumulativeDifference / 1e6;
}
