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

    /// <param name="records">The scan's records.</param>
    /// <param name="tagsFailed">The tagging service failed: no record's tags are known.</param>
    /// <param name="placementFailed">A topology or placement list failed: which VM sits where (host, cluster, folder) is not
    /// known for sure for any VM (a failed folder list would put a VM in its parent folder), nor any host's cluster or folder's path.</param>
    /// <param name="details">What the VM detail phase read, with its failures.</param>
    public static List<ResourceRecord> Mark(
        IReadOnlyList<ResourceRecord> records, bool tagsFailed, bool placementFailed, IReadOnlyCollection<VmDetails> details)
    {
        var byVm = details.ToDictionary(d => d.Summary.Vm, StringComparer.Ordinal);
        var marked = new List<ResourceRecord>(records.Count);
        foreach (var record in records)
        {
            var unread = new HashSet<string>(StringComparer.Ordinal);
            if (tagsFailed)
            {
                unread.Add("tags");
            }

            if (record.Kind == ResourceKinds.Vm)
            {
                if (byVm.TryGetValue(record.ExternalId, out var vm))
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

            marked.Add(unread.Count == 0 ? record : record with { Unread = unread });
        }

        return marked;
    }
}
