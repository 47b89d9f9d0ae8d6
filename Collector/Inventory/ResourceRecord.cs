using System.Text.Json.Nodes;

namespace Sourcing.Collector.Inventory;

/// <summary>
/// One resource as a collector saw it, in the common shape shared by vSphere, Azure and
/// RVTools. Kind is one of <see cref="ResourceKinds"/>. Fields a source does not know stay null.
/// </summary>
public sealed record ResourceRecord
{
    public required string ExternalId { get; init; }
    public required string Kind { get; init; }
    public required string Name { get; init; }
    public string? Datacenter { get; init; }
    public string? Cluster { get; init; }
    public string? Host { get; init; }
    /// <summary>Folder path like "/Region/Vm/HSF/Cosmic" (vSphere) or null.</summary>
    public string? FolderPath { get; init; }
    public string? SubscriptionId { get; init; }
    public string? ResourceGroup { get; init; }
    /// <summary>The vendor's type, e.g. "Microsoft.Compute/virtualMachines".</summary>
    public string? ResourceType { get; init; }
    public string? Location { get; init; }
    /// <summary>"on", "off", "suspended" or null.</summary>
    public string? PowerState { get; init; }
    /// <summary>The guest OS as the vendor names it (full name where VMware Tools or the image tells).</summary>
    public string? GuestOs { get; init; }
    /// <summary>"windows", "linux" or null; set by the collector when it knows.</summary>
    public string? OsFamily { get; init; }
    public string? OsVersion { get; init; }
    public int? CpuCount { get; init; }
    public long? MemoryMib { get; init; }
    public decimal? StorageGib { get; init; }
    /// <summary>Tags: category or key → value (several vSphere tags of one category joined with "; ").</summary>
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();
    /// <summary>Everything else of the common shape: disks, nics, ip, hostname, hardware version, uuid, ...</summary>
    public JsonObject Attributes { get; init; } = [];
    /// <summary>The vendor's JSON as received (or assembled from several calls).</summary>
    public JsonNode? Raw { get; init; }
    /// <summary>CPU and memory use at scan time (vSphere quick stats), stored as a daily sample; not part of the resource's fields or history.</summary>
    public VmUtilisation? Utilisation { get; init; }

    /// <summary>
    /// Fields the collector could not read this time (a VM's details when the vCenter went away, tags when tagging
    /// failed): the store keeps their last known values and marks the resource stale instead of storing the gap.
    /// Column names as stored ("guest_os", "storage_gib", "tags", "raw", ...), attribute keys as "attributes.disks".
    /// </summary>
    public IReadOnlySet<string> Unread { get; init; } = NoneUnread;

    public static readonly IReadOnlySet<string> NoneUnread = new HashSet<string>(StringComparer.Ordinal);
}

public static class ResourceKinds
{
    public const string Vm = "vm";
    public const string Host = "host";
    public const string Cluster = "cluster";
    public const string Datacenter = "datacenter";
    public const string Datastore = "datastore";
    public const string Folder = "folder";
    /// <summary>Any Azure resource that is not a VM: App Service, SQL database, storage account, disk, ...</summary>
    public const string CloudResource = "cloud";
}
