namespace Sourcing.Analyzer.Planning;

/// <summary>One bar of the tornado: an assumption at the low and high end of its documented range, and what the outcome became (net cost = the nominal like-for-like difference over the horizon).</summary>
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
