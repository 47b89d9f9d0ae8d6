namespace Sourcing.Collector.Planning;

/// <summary>A stored scenario without its definition, for lists.</summary>
public sealed record ScenarioSummary(
    long Id,
    string Name,
    string Owner,
    string Description,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    bool ChosenForLeadership);
