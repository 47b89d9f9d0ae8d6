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

    public double NetCost => Years.Count == 0 ? 0 : Years[^1].CumulativeDifference;
    public double NetCostMkr => NetCost / 1e6;
    public double FinalFreedFte => Years.Count == 0 ? 0 : Years[^1].FreedFte;
    /// <summary>Surplus summed over the years (FTE-years): zero when the channels absorb everyone.</summary>
    public double SurplusFteYears => Years.Sum(y => y.SurplusFte);
}
