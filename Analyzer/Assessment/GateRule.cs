namespace Sourcing.Analyzer.Assessment;

/// <summary>
/// One row of the region's hosting rule table. <see cref="Description"/> is the Swedish text
/// shown beside every verdict the rule decides; <see cref="Source"/> says where the rule comes
/// from (law, guidance, the region's own decision) so a reviewer can check it.
/// </summary>
public sealed record GateRule
{
    public required string Id { get; init; }
    public required string Description { get; init; }
    public string Source { get; init; } = "";
    public required GateCondition Condition { get; init; }
    public required IReadOnlyList<GateRuleEffect> Effects { get; init; }
}
