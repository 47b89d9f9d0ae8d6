namespace Sourcing.Analyzer.Planning;

public sealed record ScenarioComparison(
    IReadOnlyList<int> Years,
    ComparisonSeries Baseline,
    IReadOnlyList<ComparisonSeries> Scenarios,
    IReadOnlyList<AssumptionDifference> DifferingAssumptions);
