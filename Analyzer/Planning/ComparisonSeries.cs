namespace Sourcing.Analyzer.Planning;

public sealed record ComparisonSeries(string Name, IReadOnlyList<ComparisonPoint> Points);
