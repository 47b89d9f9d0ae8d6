using System.Text.Json.Serialization;

namespace Sourcing.Analyzer.Planning;

/// <summary>The result of one scenario: the years, the waves, and everything a person must see.</summary>
public sealed record Forecast
{
    public required string ScenarioName { get; init; }
    public required int StartYear { get; init; }
    public required int HorizonYears { get; init; }
    public required double DriftFteToday { get; init; }
    public required double DevelopmentFteToday { get; init; }
    public required IReadOnlyList<ForecastYear> Years { get; init; }
    public required IReadOnlyList<ForecastWave> Waves { get; init; }
    /// <summary>The plan's issues (refused, skipped, conditional, errors) followed by the forecast's warnings.</summary>
    public required IReadOnlyList<PlanIssue> Issues { get; init; }

    /// <summary>The like-for-like difference summed over the horizon, nominal (negative is a saving).</summary>
    public required double NominalDifference { get; init; }
    /// <summary>Net present value of the like-for-like difference, in the start year's fixed prices at the real kalkylränta.</summary>
    public required double Npv { get; init; }
    /// <summary>Each pool today: the model's estimate, the region's figure and the calibration factor.</summary>
    public required IReadOnlyList<PoolCalibration> Calibration { get; init; }
    /// <summary>Managed-operation price per server and month (business hours) at which the scenario is budget-neutral over the horizon; null without managed moves.</summary>
    [JsonIgnore]
    public double? BreakEvenManagedPrice { get; init; }
    /// <summary>The cloud price factor (% of list) at which the scenario is budget-neutral; null without cloud moves.</summary>
    [JsonIgnore]
    public double? BreakEvenCloudPriceFactor { get; init; }
    /// <summary>The reinvestment: what a development FTE-year gained costs, against recruiting and consultants.</summary>
    [JsonIgnore]
    public Reinvestment Reinvestment { get; init; } = new(0, null, 0, 0, 0);

    // The reinvestment and break-even figures at the top level of the JSON forecast.
    public double? CostPerDevelopmentFteYear => Reinvestment.CostPerDevelopmentFteYear;
    public double RecruitingCostPerFteYear => Reinvestment.RecruitingCostPerFteYear;
    public double ConsultantCostPerFteYear => Reinvestment.ConsultantCostPerFteYear;
    public double BudgetNeutralDevelopmentFte => Reinvestment.BudgetNeutralDevelopmentFte;
    public double DevelopmentFteYearsGained => Reinvestment.DevelopmentFteYearsGained;
    public BreakEven BreakEven => new(BreakEvenManagedPrice, BreakEvenCloudPriceFactor);
    /// <summary>How the servers moving to public cloud were sized: measured use or configured size.</summary>
    public CloudSizing CloudSizing { get; init; } = new(0, 0, 1);
    /// <summary>P10–P90 of the headline figures from a seeded simulation over the documented ranges; null when not computed.</summary>
    public ForecastRange? Range { get; init; }

    public double NominalDifferenceMkr => NominalDifference / 1e6;
    public double NpvMkr => Npv / 1e6;
    public double FinalFreedFte => Years.Count == 0 ? 0 : Years[^1].FreedFte;
    /// <summary>Surplus summed over the years (FTE-years): zero when the channels absorb everyone.</summary>
    public double SurplusFteYears => Years.Sum(y => y.SurplusFte);
}
