namespace Sourcing.Tests.Simulators.VCenter;

// The simulated estate's objects. Small immutable records kept together: they are one model.
// Ids follow vCenter's MoRef style (datacenter-N, domain-cN, host-N, datastore-N, group-vN, vm-N).

public sealed record SimDatacenter(string Id, string Name);

public sealed record SimCluster(string Id, string Name, string DatacenterId, bool HaEnabled, bool DrsEnabled);

public sealed record SimHost(string Id, string Name, string DatacenterId, string? ClusterId)
{
    /// <summary>Speed of one core (HostHardwareSummary.cpuMhz).</summary>
    public int CpuMhz { get; init; } = 2600;
}

public sealed record SimDatastore(string Id, string Name, string DatacenterId, string Type, long CapacityBytes, long FreeBytes);

/// <summary>Type is DATACENTER, HOST, DATASTORE, NETWORK or VIRTUAL_MACHINE (vcenter.json VcenterFolderType).</summary>
public sealed record SimFolder(string Id, string Name, string Type, string? DatacenterId, string? ParentId);

public sealed record SimDisk(string Key, string Label, long CapacityBytes, string VmdkFile);

public sealed record SimNic(string Key, string Label, string MacAddress, string Network, string NetworkName);

public sealed record SimVm
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required string HostId { get; init; }
    public required string FolderId { get; init; }
    /// <summary>POWERED_ON, POWERED_OFF or SUSPENDED.</summary>
    public required string PowerState { get; init; }
    public int CpuCount { get; init; } = 2;
    public int CoresPerSocket { get; init; } = 1;
    public long MemoryMib { get; init; } = 4096;
    /// <summary>vcenter.json VcenterVmGuestOS, e.g. WINDOWS_9_SERVER_64.</summary>
    public required string GuestOs { get; init; }
    public required string GuestFullName { get; init; }
    /// <summary>WINDOWS or LINUX.</summary>
    public required string GuestFamily { get; init; }
    public string? HostName { get; init; }
    public string? IpAddress { get; init; }
    public bool ToolsRunning { get; init; } = true;
    public string HardwareVersion { get; init; } = "VMX_14";
    public required string InstanceUuid { get; init; }
    public required string BiosUuid { get; init; }
    public IReadOnlyList<SimDisk> Disks { get; init; } = [];
    public IReadOnlyList<SimNic> Nics { get; init; } = [];
    /// <summary>Share of the VM's vCPUs in use now (summary.quickStats.overallCpuUsage over vCPUs × host MHz).</summary>
    public int CpuUsagePercent { get; init; } = 10;
    /// <summary>Share of the configured memory the guest uses now (summary.quickStats.guestMemoryUsage).</summary>
    public int MemoryUsagePercent { get; init; } = 40;
    public string? Annotation { get; init; }

    public long StorageBytes => Disks.Sum(d => d.CapacityBytes);
}

public sealed record SimTagCategory(string Id, string Name, string Cardinality);

public sealed record SimTag(string Id, string CategoryId, string Name);
