namespace Sourcing.Analyzer.Planning;

/// <summary>
/// One year of a forecast. FTE figures are year averages (a move in the third quarter counts for
/// half a year); flows (left, retrained, transferred) are what happened in the year; costs are SEK
/// in that year's money. Difference = scenario − baseline, so a negative difference is a saving.
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
    public required IReadOnlyList<RoleFte> Roles { get; init; }
    public required double InternalStaffCost { get; init; }
    public required double SupplierCost { get; init; }
    public required double CloudCost { get; init; }
    public required double SaasCost { get; init; }
    public required double TransitionCost { get; init; }
    public required double GovernanceCost { get; init; }
    public required double TotalCost { get; init; }
    public required double BaselineCost { get; init; }
    public required double Difference { get; init; }
    public required double CumulativeDifference { get; init; }

    public double TotalCostMkr => TotalCost / 1e6;
    public double BaselineCostMkr => BaselineCost / 1e6;
    public double DifferenceMkr => Difference / 1e6;
    public double CumulativeDifferenceMkr => CumulativeDifference / 1e6;
}
