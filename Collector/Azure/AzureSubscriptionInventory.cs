using System.Text.Json.Nodes;
using Azure.ResourceManager.Compute;
using Azure.ResourceManager.Compute.Models;
using Azure.ResourceManager.Resources;

namespace Sourcing.Collector.Azure;

/// <summary>What the list calls of one subscription returned, keyed by lower-case resource id, ready for mapping.</summary>
internal sealed record AzureSubscriptionInventory
{
    public required string SubscriptionId { get; init; }
    public string? SubscriptionName { get; init; }
    public IReadOnlyList<GenericResourceData> Resources { get; init; } = [];
    public IReadOnlyDictionary<string, VirtualMachineData> Vms { get; init; } = new Dictionary<string, VirtualMachineData>();
    public IReadOnlyDictionary<string, VirtualMachineInstanceView> VmStatus { get; init; } = new Dictionary<string, VirtualMachineInstanceView>();
    public IReadOnlyDictionary<string, ManagedDiskData> Disks { get; init; } = new Dictionary<string, ManagedDiskData>();

    /// <summary>Tags of each resource group by lower-case name: systems are often tagged on the group only.</summary>
    public IReadOnlyDictionary<string, IDictionary<string, string>> ResourceGroupTags { get; init; } = new Dictionary<string, IDictionary<string, string>>();

    public Func<string, string, JsonObject?> Raw { get; init; } = (_, _) => null;
}
