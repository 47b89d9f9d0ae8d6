namespace Sourcing.Collector.Planning;

/// <summary>A stored scenario without its definition, for lists. <paramref name="BoardPosition"/>: its place in the board's order (1 first), or null when the board does not see it.</summary>
public sealed record ScenarioSummary(
    long Id,
    string Name,
    string Owner,
    string Description,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    int? BoardPosition);
