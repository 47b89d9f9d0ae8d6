namespace Sourcing.Analyzer.Planning;

/// <summary>
/// Scenarios side by side over the years all of them cover (<see cref="HorizonsDiffer"/> when some
/// cover more); the running totals start at the first common year.
/// </summary>
public sealed record ScenarioComparison(
    IReadOnlyList<int> Years,
    ComparisonSeries Baseline,
    IReadOnlyList<ComparisonSeries> Scenarios,
    IReadOnlyList<AssumptionDifference> DifferingAssumptions,
    bool HorizonsDiffer = false)
{
    /// <summary>Each scenario's last point in the common years: what the comparison's totals are.</summary>
    public ComparisonPoint? Last(int index) => Scenarios[index].Points.Count > 0 ? Scenarios[index].Points[^1] : null;
}
