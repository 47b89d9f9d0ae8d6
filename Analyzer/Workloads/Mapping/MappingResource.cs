namespace Sourcing.Analyzer.Workloads.Mapping;

/// <summary>What the mapping engine needs of one resource. SourceKind is "vsphere", "rvtools" or "azure".</summary>
public sealed record MappingResource(
    long Id,
    string SourceKind,
    string Kind,
    string Name,
    string? FolderPath,
    string? ResourceGroup,
    IReadOnlyDictionary<string, string> Tags,
    int CpuCount = 0,
    decimal StorageGib = 0m);
