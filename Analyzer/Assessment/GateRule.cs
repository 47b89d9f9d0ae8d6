namespace Sourcing.Analyzer.Assessment;

/// <summary>
/// One row of the region's hosting rule table. <see cref="Description"/> is the Swedish text
/// shown beside every verdict the rule decides; <see cref="Basis"/> says whether it restates the
/// law (<see cref="LawReference"/> names the paragraph) or is the region's policy (with who decided
/// it and when); <see cref="Source"/> is the Swedish source note and <see cref="SourceUrl"/> a link
/// to the statute or guidance, so the region's lawyers can check it.
/// </summary>
public sealed record GateRule
{
    public required string Id { get; init; }
    public required string Description { get; init; }
    public RuleBasis Basis { get; init; } = RuleBasis.Policy;
    /// <summary>For a law rule: the statute and paragraph, e.g. "10 kap. 2 a § offentlighets- och sekretesslagen (2009:400)".</summary>
    public string? LawReference { get; init; }
    /// <summary>For a policy rule: who decided it (a person, a role or a body).</summary>
    public string? DecidedBy { get; init; }
    /// <summary>For a policy rule: when it was decided.</summary>
    public DateOnly? DecidedOn { get; init; }
    public string Source { get; init; } = "";
    public string? SourceUrl { get; init; }
    public required GateCondition Condition { get; init; }
    public required IReadOnlyList<GateRuleEffect> Effects { get; init; }
}
