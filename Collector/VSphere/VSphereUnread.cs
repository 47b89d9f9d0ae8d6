using Sourcing.Collector.Inventory;

namespace Sourcing.Collector.VSphere;

/// <summary>
/// After a scan with errors: which fields of each record were not read (a failed VM detail or guest identity call,
/// the tagging service, a placement list), so the store keeps their last known values instead of storing the gap.
/// A field the vCenter answered as empty (a VM that is off has no guest identity) is read, and stored as it is.
/// </summary>
internal static class VSphereUnread
{
    /// <summary>Everything the VM detail call (GET vcenter/vm/{vm}) and the guest identity behind it give.</summary>
    private static readonly string[] FromDetails =
    [
        "guest_os", "os_family", "os_version", "storage_gib", "raw",
        "attributes.disks", "attributes.nics", "attributes.hardware_version", "attributes.instance_uuid", "attributes.bios_uuid",
        "attributes.guest_os_id", "attributes.cores_per_socket", "attributes.ip", "attributes.hostname", "attributes.tools_running",
    ];

    /// <summary>What the guest identity call gives (the full OS name, host name, IP).</summary>
    private static readonly string[] FromIdentity =
        ["guest_os", "os_family", "os_version", "raw", "attributes.ip", "attributes.hostname", "attributes.tools_running"];

    /// <summary>Where a VM or host sits; from the topology and placement lists.</summary>
    private static readonly string[] Placement =
        ["datacenter", "cluster", "host", "folder_path", "attributes.host_id", "attributes.cluster_id", "attributes.folder_id"];

    /// <summary>Marks one record (REST path).</summary>
    /// <param name="record">A record of the scan.</param>
    /// <param name="tagsFailed">The tagging service failed: no record's tags are known.</param>
    /// <param name="placementFailed">A topology or placement list failed: which VM sits where (host, cluster, folder) is not
    /// known for sure for any VM (a failed folder list would put a VM in its parent folder), nor any host's cluster or folder's path.</param>
    /// <param name="vm">What the VM detail phase read for this VM, with its failures; null for other kinds.</param>
    public static ResourceRecord MarkOne(ResourceRecord record, bool tagsFailed, bool placementFailed, VmDetails? vm)
    {
        var unread = new HashSet<string>(StringComparer.Ordinal);
        if (tagsFailed)
        {
            unread.Add("tags");
        }

        if (record.Kind == ResourceKinds.Vm)
        {
            if (vm is not null)
            {
                unread.UnionWith(vm.InfoFailed ? FromDetails : vm.IdentityFailed ? FromIdentity : []);
            }

            if (placementFailed)
            {
                unread.UnionWith(Placement);
            }
        }
        else if (record.Kind == ResourceKinds.Host && placementFailed)
        {
            unread.Add("cluster");
        }
        else if (record.Kind == ResourceKinds.Folder && placementFailed)
        {
            // Paths come from the subfolder lists: one that failed cuts a path short.
            unread.Add("folder_path");
        }

        return unread.Count == 0 ? record : record with { Unread = unread };
    }

    /// <summary>
    /// What each VM property read through VI/JSON (<see cref="ViJsonScan.VmPaths"/>) feeds in the record, as
    /// <see cref="ViJsonMapper.MapVm"/> uses it; a property in the object's missingSet leaves these unread. The raw
    /// vendor JSON is always among them (it holds every property).
    /// </summary>
    private static readonly (string Path, string[] Fields)[] FromViJsonPath =
    [
        ("name", ["name"]),
        ("config.instanceUuid", ["attributes.instance_uuid"]),
        ("config.uuid", ["attributes.bios_uuid"]),
        ("config.guestId", ["guest_os", "os_family", "os_version", "attributes.guest_os_id"]),
        ("config.version", ["attributes.hardware_version"]),
        ("config.hardware.numCPU", ["cpu_count"]),
        ("config.hardware.numCoresPerSocket", ["attributes.cores_per_socket"]),
        ("config.hardware.memoryMB", ["memory_mib"]),
        ("config.hardware.device", ["storage_gib", "attributes.disks", "attributes.nics"]),
        ("runtime.powerState", ["power_state", .. FromIdentity]),
        ("runtime.host", ["datacenter", "cluster", "host", "attributes.host_id", "attributes.cluster_id"]),
        ("parent", ["datacenter", "folder_path", "attributes.folder_id"]),
        ("guest.hostName", ["attributes.hostname"]),
        ("guest.ipAddress", ["attributes.ip"]),
        ("guest.guestFullName", ["guest_os", "os_family", "os_version"]),
        ("guest.guestFamily", ["os_family"]),
        ("guest.toolsRunningStatus", FromIdentity),
    ];

    /// <summary>
    /// Marks one record of the VI/JSON path: the tagging service failed, a topology list failed (placement), the
    /// network list failed (NIC network names), or the VM's own properties came back in its missingSet.
    /// </summary>
    public static ResourceRecord MarkViJson(
        ResourceRecord record, bool tagsFailed, bool placementFailed, bool networksFailed, ViJsonObject? vm)
    {
        var marked = MarkOne(record, tagsFailed, placementFailed, null);
        if (record.Kind != ResourceKinds.Vm || (!networksFailed && (vm is null || vm.Missing.Count == 0)))
        {
            return marked;
        }

        var unread = new HashSet<string>(marked.Unread, StringComparer.Ordinal);
        if (networksFailed)
        {
            unread.Add("attributes.nics");
        }

        foreach (var missing in vm?.Missing.Keys ?? [])
        {
            unread.Add("raw");
            foreach (var (path, fields) in FromViJsonPath)
            {
                // "config" missing covers config.hardware.numCPU; "config.hardware.device" missing covers itself.
                if (path == missing || path.StartsWith(missing + ".", StringComparison.Ordinal) || missing.StartsWith(path + ".", StringComparison.Ordinal))
                {
                    unread.UnionWith(fields);
                }
            }
        }

        return record with { Unread = unread };
    }
}
