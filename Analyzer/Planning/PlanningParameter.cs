namespace Sourcing.Analyzer.Planning;

/// <summary>
/// One editable assumption of the forecast with where its default comes from. Percentages are kept
/// as the person reads them (52 means 52 %) so that a page can show and edit the value as is.
/// <see cref="Low"/>–<see cref="High"/> is the range the source documents (what the uncertainty
/// uses); <see cref="Min"/>–<see cref="Max"/> is what is plausible at all (what input is checked
/// against); <see cref="AsOf"/> is the year or date of the source's figure.
/// </summary>
public sealed record PlanningParameter(
    string Key,
    string Label,
    double Value,
    string Unit,
    string Source,
    string? SourceUrl,
    SourceConfidence Confidence)
{
    public double Low { get; init; } = Value;
    public double High { get; init; } = Value;
    public double Min { get; init; }
    public double Max { get; init; } = double.MaxValue;
    public string AsOf { get; init; } = "";

    /// <summary>
    /// The source's range around a value: the documented low and high at the default; for a
    /// scenario's own value the same relative range, within the plausible bounds. Null when the
    /// source documents no range (a scenario choice).
    /// </summary>
    public (double Low, double High)? RangeAround(double value)
    {
        if (Low == High)
        {
            return null;
        }

        if (value == Value || Value == 0)
        {
            return (Low, High);
        }

        return (Math.Clamp(value * Low / Value, Min, Max), Math.Clamp(value * High / Value, Min, Max));
    }

    /// <summary>True when the value lies within the plausible bounds.</summary>
    public bool IsPlausible(double value) => double.IsFinite(value) && value >= Min && value <= Max;
}
