namespace Sourcing.Analyzer.Planning;

/// <summary>Something a person must see about a scenario; never dropped silently.</summary>
public sealed record PlanIssue(
    PlanIssueKind Kind,
    string Message,
    long? SystemId = null,
    string? SystemName = null,
    Destination? Destination = null,
    string? GateRule = null,
    string? Origin = null);
