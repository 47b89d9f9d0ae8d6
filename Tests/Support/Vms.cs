using System.Text.Json.Nodes;
using Sourcing.Collector.Inventory;

namespace Sourcing.Tests.Support;

/// <summary>Small ResourceRecords for store tests.</summary>
public static class Vms
{
    public static ResourceRecord Vm(string id, string name, int cpu = 2, long memoryMib = 4096, string? host = "esx01", string? system = null) => new()
    {
        ExternalId = id,
        Kind = ResourceKinds.Vm,
        Name = name,
        Datacenter = "DC-Visby",
        Cluster = "Kluster-A",
        Host = host,
        FolderPath = "/DC-Visby/vm/HSF",
        PowerState = "on",
        GuestOs = "Microsoft Windows Server 2019 (64-bit)",
        OsFamily = "windows",
        OsVersion = "2019",
        CpuCount = cpu,
        MemoryMib = memoryMib,
        StorageGib = 80m,
        Tags = system is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["System"] = system },
        Attributes = new JsonObject { ["ip"] = "10.0.0.1" },
        Raw = new JsonObject { ["vm"] = id },
    };

    public static IReadOnlyList<ResourceRecord> Many(int count) =>
        Enumerable.Range(1, count).Select(i => Vm($"vm-{i}", $"vsby-app{i:D3}")).ToList();
}
