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

    /// <summary>True when the value lies within the plausible bounds.</summary>
    public bool IsPlausible(double value) => double.IsFinite(value) && value >= Min && value <= Max;
}
