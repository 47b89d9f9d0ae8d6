using System.Text.Json.Nodes;
using Sourcing.Analyzer.Lifecycle;
using Sourcing.Collector.Inventory;

namespace Sourcing.Collector.VSphere;

/// <summary>
/// vCenter JSON to <see cref="ResourceRecord"/>. Pure, so the recorded vendor responses can be
/// fed straight in. Expects the /api shape; <see cref="NormalizeMaps"/> turns /rest's key/value
/// lists into it first.
/// </summary>
internal static class VSphereMapper
{
    private const decimal BytesPerGib = 1024m * 1024m * 1024m;

    private static readonly string[] MapFields =
        ["disks", "nics", "cdroms", "floppies", "parallel_ports", "serial_ports", "sata_adapters", "scsi_adapters", "nvme_adapters"];

    /// <summary>/rest returns maps as [{"key": "2000", "value": {...}}]; /api as {"2000": {...}}.</summary>
    public static JsonObject NormalizeMaps(JsonObject info)
    {
        foreach (var field in MapFields)
        {
            if (info[field] is JsonArray list)
            {
                var map = new JsonObject();
                foreach (var entry in list)
                {
                    if (entry?["key"] is JsonValue key && !map.ContainsKey(key.ToString()))
                    {
                        map[key.ToString()] = entry["value"]?.DeepClone();
                    }
                }

                info[field] = map;
            }
        }

        return info;
    }

    public static string? PowerState(string? vendor) => vendor switch
    {
        "POWERED_ON" => "on",
        "POWERED_OFF" => "off",
        "SUSPENDED" => "suspended",
        _ => null,
    };

    public static ResourceRecord MapVm(VmDetails details, VmPlacement placement, IReadOnlyDictionary<string, string> tags)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(placement);
        var summary = details.Summary;
        var info = details.Info;
        var identity = details.Identity;

        var guestEnum = VmSummary.Str(info, "guest_OS");
        var fullName = identity?["full_name"] is JsonObject message ? VmSummary.Str(message, "default_message") : null;
        var identityFamily = VmSummary.Str(identity, "family");

        var attributes = new JsonObject();
        decimal? storage = null;
        if (info?["disks"] is JsonObject disks)
        {
            var list = new JsonArray();
            decimal bytes = 0;
            foreach (var (key, disk) in disks)
            {
                var capacity = VmSummary.Long(disk, "capacity");
                bytes += capacity ?? 0;
                var vmdk = VmSummary.Str(disk?["backing"], "vmdk_file");
                list.Add(new JsonObject
                {
                    ["key"] = key,
                    ["label"] = VmSummary.Str(disk, "label"),
                    ["capacity_bytes"] = capacity,
                    ["capacity_gib"] = capacity is null ? null : Math.Round(capacity.Value / BytesPerGib, 3),
                    ["datastore"] = DatastoreOf(vmdk),
                    ["vmdk_file"] = vmdk,
                });
            }

            attributes["disks"] = list;
            storage = Math.Round(bytes / BytesPerGib, 3);
        }

        if (info?["nics"] is JsonObject nics)
        {
            var list = new JsonArray();
            foreach (var (key, nic) in nics)
            {
                list.Add(new JsonObject
                {
                    ["key"] = key,
                    ["label"] = VmSummary.Str(nic, "label"),
                    ["type"] = VmSummary.Str(nic, "type"),
                    ["mac_address"] = VmSummary.Str(nic, "mac_address"),
                    ["network"] = VmSummary.Str(nic?["backing"], "network"),
                    ["network_name"] = VmSummary.Str(nic?["backing"], "network_name"),
                    ["state"] = VmSummary.Str(nic, "state"),
                });
            }

            attributes["nics"] = list;
        }

        attributes["ip"] = VmSummary.Str(identity, "ip_address");
        attributes["hostname"] = VmSummary.Str(identity, "host_name");
        attributes["hardware_version"] = VmSummary.Str(info?["hardware"], "version");
        attributes["instance_uuid"] = VmSummary.Str(info?["identity"], "instance_uuid");
        attributes["bios_uuid"] = VmSummary.Str(info?["identity"], "bios_uuid");
        attributes["tools_running"] = details.ToolsRunning;
        attributes["guest_os_id"] = guestEnum;
        attributes["cores_per_socket"] = VmSummary.Long(info?["cpu"], "cores_per_socket");

        var raw = new JsonObject
        {
            ["summary"] = summary.Raw.DeepClone(),
            ["info"] = info?.Parent is null ? info : info.DeepClone(),
            ["guest_identity"] = identity?.Parent is null ? identity : identity.DeepClone(),
        };

        // Tools' full name beats the configured guest id; Tools' own family beats both.
        var os = GuestOsParser.ParseBest(fullName, guestEnum);
        return new ResourceRecord
        {
            ExternalId = summary.Vm,
            Kind = ResourceKinds.Vm,
            Name = VmSummary.Str(info, "name") ?? summary.Name,
            Datacenter = placement.Datacenter,
            Cluster = placement.Cluster,
            Host = placement.Host,
            FolderPath = placement.FolderPath,
            ResourceType = "VirtualMachine",
            PowerState = PowerState(VmSummary.Str(info, "power_state") ?? summary.PowerState),
            GuestOs = fullName ?? guestEnum,
            OsFamily = identityFamily is "WINDOWS" or "LINUX" ? identityFamily.ToLowerInvariant() : os.FamilyKey,
            OsVersion = os.Version,
            CpuCount = (int?)VmSummary.Long(info?["cpu"], "count") ?? summary.CpuCount,
            MemoryMib = VmSummary.Long(info?["memory"], "size_MiB") ?? summary.MemoryMib,
            StorageGib = storage,
            Tags = tags,
            Attributes = attributes,
            Raw = raw,
        };
    }

    /// <summary>"[ds-01] vm/vm.vmdk" → "ds-01".</summary>
    internal static string? DatastoreOf(string? vmdkFile)
    {
        if (vmdkFile is null || !vmdkFile.StartsWith('['))
        {
            return null;
        }

        var end = vmdkFile.IndexOf(']', StringComparison.Ordinal);
        return end > 1 ? vmdkFile[1..end] : null;
    }

    /// <summary>Tags of one object: category → tag names joined with "; " (sorted, so the value is stable between scans).</summary>
    public static IReadOnlyDictionary<string, string> TagMap(IEnumerable<(string Category, string Tag)> tags) =>
        tags.GroupBy(t => t.Category, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => string.Join("; ", g.Select(t => t.Tag).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)),
                StringComparer.Ordinal);
}
