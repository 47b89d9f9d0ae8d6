namespace Sourcing.Analyzer.Planning;

/// <summary>One bar of the tornado: an assumption at −x % and +x %, and what the outcome became.</summary>
public sealed record SensitivityEntry(
    string Key,
    string Label,
    double BaseValue,
    double LowValue,
    double HighValue,
    double FreedFteLow,
    double FreedFteHigh,
    double NetCostMkrLow,
    double NetCostMkrHigh,
    double SurplusFteYearsLow,
    double SurplusFteYearsHigh)
{
    public double NetCostSwingMkr => Math.Abs(NetCostMkrHigh - NetCostMkrLow);
    public double FreedFteSwing => Math.Abs(FreedFteHigh - FreedFteLow);
}
