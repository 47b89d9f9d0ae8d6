namespace Sourcing.Analyzer.Workloads.Mapping;

/// <summary>
/// The rules a new installation starts with: the vSphere category "System" names the system and the
/// category "Förvaltning" its department; the Azure tags "System" and "Förvaltning" do the same.
/// </summary>
public static class DefaultMappingRules
{
    public const string SystemKey = "System";
    public const string DepartmentKey = "Förvaltning";

    public static IReadOnlyList<MappingRule> All { get; } =
    [
        new MappingRule
        {
            Position = 10,
            Kind = MappingRuleKind.VsphereCategory,
            MatchKey = SystemKey,
            DepartmentTag = DepartmentKey,
            Description = "vSphere-kategori System → system med taggens namn, förvaltning från kategorin Förvaltning",
        },
        new MappingRule
        {
            Position = 20,
            Kind = MappingRuleKind.AzureTag,
            MatchKey = SystemKey,
            DepartmentTag = DepartmentKey,
            Description = "Azure-taggen System → system med taggens värde, förvaltning från taggen Förvaltning",
        },
    ];
}
