namespace Sourcing.Analyzer.Planning;

/// <summary>Today's staff. Rates and salaries are parameters; these are the region's own counts.</summary>
public sealed record PeopleInput
{
    /// <summary>FTE in drift today; null derives it from the systems' drift effort.</summary>
    public double? DriftFteToday { get; init; }
    /// <summary>FTE in development roles today; null takes the estate's figure (else 0).</summary>
    public double? DevelopmentFteToday { get; init; }
    public IReadOnlyList<TargetRole> TargetRoles { get; init; } = DefaultRoles;

    public static IReadOnlyList<TargetRole> DefaultRoles { get; } =
    [
        new("Digitaliseringsstrateg", 0.3),
        new("Objektsförvaltare IT", 0.4),
        new("Projektledare", 0.3),
    ];
}
