namespace Sourcing.Analyzer.Planning;

/// <summary>One year of one scenario in a comparison chart.</summary>
public sealed record ComparisonPoint(int Year, double DriftFte, double UtvecklingFte, double FreedFte, double CumulativeNetCostMkr);
