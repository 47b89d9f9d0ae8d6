namespace Sourcing.Analyzer.Planning;

/// <summary>
/// One editable assumption of the forecast with where its default comes from. Percentages are kept
/// as the person reads them (52 means 52 %) so that a page can show and edit the value as is.
/// </summary>
public sealed record PlanningParameter(
    string Key,
    string Label,
    double Value,
    string Unit,
    string Source,
    string? SourceUrl,
    SourceConfidence Confidence);
