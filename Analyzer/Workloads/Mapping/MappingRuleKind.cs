namespace Sourcing.Analyzer.Workloads.Mapping;

/// <summary>What a mapping rule looks at. Stored in sourcing.mapping_rule.kind as the snake_case name.</summary>
public enum MappingRuleKind
{
    /// <summary>A vSphere tag: category <see cref="MappingRule.MatchKey"/> with a given tag name (value or regex).</summary>
    VsphereTag,
    /// <summary>Any tag of a vSphere category; the workload is usually named after the tag ("from value").</summary>
    VsphereCategory,
    /// <summary>An Azure tag: key <see cref="MappingRule.MatchKey"/> (case-insensitive, as Azure treats keys), any value or a given one.</summary>
    AzureTag,
    /// <summary>A regex (or prefix) on the vSphere folder path.</summary>
    FolderPath,
    /// <summary>An Azure resource group (exact name or regex).</summary>
    ResourceGroup,
    /// <summary>A regex on the resource name.</summary>
    NamePattern,
}
