using Sourcing.Analyzer.Planning;
using Sourcing.Analyzer.Workloads.Mapping;

namespace Sourcing.Web.Planning;

/// <summary>
/// What the decision page (and each scenario's first page in the board report) shows: the
/// scenario's forecast, the five assumptions that move it most, and the mapping coverage.
/// </summary>
public sealed record DecisionView(ScenarioResult Result, SensitivityResult Sensitivity, MappingCoverage? Coverage, int Index = 0)
{
    /// <summary>
    /// The cost in words: the last year's like-for-like difference (the state the scenario ends in), named with its
    /// year, and the first year from which every year has the same sign (the years between may differ in size, so
    /// the sentence never says the last year's figure holds from then). Null below 50 000 kr a year.
    /// </summary>
    public (bool Saves, double PerYearSek, int Year, int SameSignFrom)? CostInWords()
    {
        var years = Result.Forecast.Years;
        if (years.Count == 0 || Math.Abs(years[^1].LikeForLikeDifference) < 50_000)
        {
            return null;
        }

        var saves = years[^1].LikeForLikeDifference < 0;
        var from = years[^1].Year;
        // A year at (about) zero, before anything moves, is neither.
        for (var i = years.Count - 1; i >= 0 && (saves ? years[i].LikeForLikeDifference < -1 : years[i].LikeForLikeDifference > 1); i--)
        {
            from = years[i].Year;
        }

        return (saves, Math.Abs(years[^1].LikeForLikeDifference), years[^1].Year, from);
    }

    /// <summary>True when the base present value lies outside the simulation's P10–P90 (skewed source ranges).</summary>
    public bool BaseOutsideRange => Result.Forecast.Range is { } range && (Result.Forecast.Npv < range.Npv.P10 || Result.Forecast.Npv > range.Npv.P90);

    /// <summary>The calibration in a line: one factor when every pool got the same (a stated total), else per pool.</summary>
    public IReadOnlyList<PoolCalibration> CalibratedPools => [.. Result.Forecast.Calibration.Where(c => c.Stated is not null)];

    public double ClassifiedShare => Result.Plan.Estate.Systems.Count > 0
        ? (double)Result.Plan.Estate.Systems.Count(s => s.Confidentiality is not null) / Result.Plan.Estate.Systems.Count
        : 0;

    /// <summary>The five assumptions with the largest swing in the like-for-like difference.</summary>
    public IReadOnlyList<SensitivityEntry> TopAssumptions =>
        [.. Sensitivity.Entries.Where(e => e.NetCostSwingMkr > 0.005).OrderByDescending(e => e.NetCostSwingMkr).Take(5)];

    public static DecisionView For(ScenarioResult result, MappingCoverage? coverage, int index = 0) =>
        new(result, SensitivityAnalyzer.Run(result.Plan, result.Assumptions), coverage, index);
}
