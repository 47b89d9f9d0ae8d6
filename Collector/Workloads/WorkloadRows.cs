namespace Sourcing.Collector.Workloads;

public sealed record DepartmentRow(long Id, string Name);

/// <summary>A resource no system claims yet: the work list for mapping by hand, biggest first.</summary>
public sealed record UnmappedResourceRow(
    long Id,
    string Source,
    string Kind,
    string Name,
    string? FolderPath,
    string? ResourceGroup,
    string? GuestOs,
    int CpuCount,
    long MemoryMib,
    decimal StorageGib,
    string Tags);

public enum UnmappedSort
{
    Storage,
    Vcpu,
    Memory,
    Name,
}

/// <summary>A listed rule conflict with the rules' descriptions, for the rules page.</summary>
public sealed record MappingConflictRow(long ResourceId, string ResourceName, IReadOnlyList<long> RuleIds, IReadOnlyList<string> Workloads, DateTimeOffset DetectedAt);

/// <summary>One day of one förvaltning's estate ("(ingen förvaltning)" when the resource's system has none or it has no system).</summary>
public sealed record DepartmentInventoryDay(DateOnly Day, string Department, int Vms, long Vcpu, decimal StorageGib);
