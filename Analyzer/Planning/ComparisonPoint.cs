namespace Sourcing.Analyzer.Planning;

/// <summary>
/// One year of one scenario in a comparison chart. The running totals (net cost, surplus FTE-years) start at the
/// comparison's first year, so a total at the last point covers exactly the years the comparison shows.
/// </summary>
public sealed record ComparisonPoint(
    int Year, double DriftFte, double UtvecklingFte, double FreedFte, double CumulativeNetCostMkr, double CumulativeSurplusFteYears = 0);
