namespace Sourcing.Analyzer.Workloads.Mapping;

/// <summary>
/// One ordered rule. The target workload is <see cref="TargetWorkload"/> when set ("fixed"), else
/// the matched value ("from value"): the tag's name for tag rules, the resource group's name, or the
/// regex group named "workload" (or the first group) for folder and name rules. The department is
/// fixed (<see cref="TargetDepartment"/>) or read from another tag (<see cref="DepartmentTag"/>,
/// e.g. the vSphere category "Förvaltning").
/// </summary>
public sealed record MappingRule
{
    public long Id { get; init; }
    public int Position { get; init; }
    public required MappingRuleKind Kind { get; init; }
    /// <summary>vSphere category or Azure tag key; unused for folder, resource group and name rules.</summary>
    public string? MatchKey { get; init; }
    /// <summary>Exact value (case-insensitive); folder rules treat it as a path prefix. Null with a null regex = any value.</summary>
    public string? MatchValue { get; init; }
    /// <summary>.NET regex, case-insensitive, tried when <see cref="MatchValue"/> is null.</summary>
    public string? MatchRegex { get; init; }
    public string? TargetWorkload { get; init; }
    public string? TargetDepartment { get; init; }
    public string? DepartmentTag { get; init; }
    public string? TargetObject { get; init; }
    public bool Enabled { get; init; } = true;
    public string? Description { get; init; }

    public static string KindName(MappingRuleKind kind) => kind switch
    {
        MappingRuleKind.VsphereTag => "vsphere_tag",
        MappingRuleKind.VsphereCategory => "vsphere_category",
        MappingRuleKind.AzureTag => "azure_tag",
        MappingRuleKind.FolderPath => "folder_path",
        MappingRuleKind.ResourceGroup => "resource_group",
        MappingRuleKind.NamePattern => "name_pattern",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static MappingRuleKind ParseKind(string name) => name switch
    {
        "vsphere_tag" => MappingRuleKind.VsphereTag,
        "vsphere_category" => MappingRuleKind.VsphereCategory,
        "azure_tag" => MappingRuleKind.AzureTag,
        "folder_path" => MappingRuleKind.FolderPath,
        "resource_group" => MappingRuleKind.ResourceGroup,
        "name_pattern" => MappingRuleKind.NamePattern,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown mapping rule kind."),
    };
}
