using System.Text.Json.Nodes;
using Sourcing.Analyzer.Lifecycle;
using Sourcing.Collector.Inventory;

namespace Sourcing.Collector.VSphere;

/// <summary>
/// VI/JSON objects to <see cref="ResourceRecord"/>s in exactly the common shape the Automation API
/// path produces (same enums, same attributes), so a vCenter's inventory and history do not change
/// when it is upgraded from 7.x to 8.x and read the other way. What only VI/JSON reads (annotation,
/// committed storage, datastores, quick stats) stays in the raw vendor JSON.
/// </summary>
internal static class ViJsonMapper
{
    private const decimal BytesPerGib = 1024m * 1024m * 1024m;

    public static ResourceRecord MapVm(ViJsonObject vm, ViJsonTopology topology, IReadOnlyDictionary<string, string> tags)
    {
        var host = topology.Find(vm.Mor("runtime.host"));
        var cluster = topology.ClusterOf(host);
        var folderId = vm.Mor("parent");
        var folder = topology.Find(folderId);
        var datacenter = topology.DatacenterOf(host?.Id) ?? topology.DatacenterOf(folderId);

        var powerState = ViJson.RestEnum(vm.Str("runtime.powerState"));
        var toolsUp = powerState == "POWERED_ON" && vm.Str("guest.toolsRunningStatus") == "guestToolsRunning";
        var guestEnum = ViJson.RestGuestId(vm.Str("config.guestId"));
        var fullName = toolsUp ? vm.Str("guest.guestFullName") : null;
        var family = toolsUp && vm.Str("guest.guestFamily") is { } f ? ViJson.RestEnum(f.EndsWith("Guest", StringComparison.Ordinal) ? f[..^5] : f) : null;

        var disks = new JsonArray();
        var nics = new JsonArray();
        decimal? storage = null;
        if (ViJson.Unbox(vm["config.hardware.device"]) is JsonArray devices)
        {
            decimal bytes = 0;
            foreach (var device in devices.OfType<JsonObject>())
            {
                var type = ViJson.Str(device["_typeName"]) ?? "";
                var key = ViJson.Long(device["key"])?.ToString(System.Globalization.CultureInfo.InvariantCulture);
                var label = ViJson.Str(device["deviceInfo"]?["label"]);
                if (type == "VirtualDisk")
                {
                    var capacity = ViJson.Long(device["capacityInBytes"]) ?? (ViJson.Long(device["capacityInKB"]) * 1024);
                    bytes += capacity ?? 0;
                    var file = ViJson.Str(device["backing"]?["fileName"]);
                    disks.Add(new JsonObject
                    {
                        ["key"] = key,
                        ["label"] = label,
                        ["capacity_bytes"] = capacity,
                        ["capacity_gib"] = capacity is null ? null : Math.Round(capacity.Value / BytesPerGib, 3),
                        ["datastore"] = VSphereMapper.DatastoreOf(file),
                        ["vmdk_file"] = file,
                    });
                }
                else if (device["macAddress"] is not null)
                {
                    var backing = device["backing"];
                    var network = ViJson.Str(backing?["port"]?["portgroupKey"]) ?? ViJson.MorValue(backing?["network"]);
                    var networkName = ViJson.Str(backing?["deviceName"])
                        ?? (network is not null && topology.NetworkNames.TryGetValue(network, out var name) ? name : null);
                    nics.Add(new JsonObject
                    {
                        ["key"] = key,
                        ["label"] = label,
                        ["type"] = type.StartsWith("Virtual", StringComparison.Ordinal) ? type["Virtual".Length..].ToUpperInvariant() : type.ToUpperInvariant(),
                        ["mac_address"] = ViJson.Str(device["macAddress"]),
                        ["network"] = network,
                        ["network_name"] = networkName,
                        ["state"] = ViJson.Bool(device["connectable"]?["connected"]) == true ? "CONNECTED" : "NOT_CONNECTED",
                    });
                }
            }

            storage = Math.Round(bytes / BytesPerGib, 3);
        }

        var attributes = new JsonObject
        {
            ["disks"] = disks,
            ["nics"] = nics,
            ["ip"] = toolsUp ? vm.Str("guest.ipAddress") : null,
            ["hostname"] = toolsUp ? vm.Str("guest.hostName") ?? "" : null,
            ["hardware_version"] = vm.Str("config.version")?.Replace('-', '_').ToUpperInvariant(),
            ["instance_uuid"] = vm.Str("config.instanceUuid"),
            ["bios_uuid"] = vm.Str("config.uuid"),
            ["tools_running"] = toolsUp,
            ["guest_os_id"] = guestEnum,
            ["cores_per_socket"] = vm.Long("config.hardware.numCoresPerSocket"),
            ["host_id"] = host?.Id,
            ["cluster_id"] = cluster?.Id,
            ["folder_id"] = folder?.Id,
        };

        // Tools' full name beats the configured guest id; Tools' own family beats both.
        var os = GuestOsParser.ParseBest(fullName, guestEnum);
        return new ResourceRecord
        {
            ExternalId = vm.Id,
            Kind = ResourceKinds.Vm,
            Name = vm.Str("name") ?? vm.Id,
            Datacenter = datacenter?.Str("name"),
            Cluster = cluster?.Str("name"),
            Host = host?.Str("name"),
            FolderPath = folder is null ? null : topology.FolderPath(folder.Id),
            ResourceType = "VirtualMachine",
            PowerState = VSphereMapper.PowerState(powerState),
            GuestOs = fullName ?? guestEnum,
            OsFamily = family is "WINDOWS" or "LINUX" ? family.ToLowerInvariant() : os.FamilyKey,
            OsVersion = os.Version,
            CpuCount = (int?)vm.Long("config.hardware.numCPU"),
            MemoryMib = vm.Long("config.hardware.memoryMB"),
            StorageGib = storage,
            Tags = tags,
            Attributes = attributes,
            Raw = vm.Raw(),
            Utilisation = Utilisation(vm, host),
        };
    }

    /// <summary>
    /// CPU and memory use now, from summary.quickStats: overallCpuUsage (MHz) over the VM's vCPUs at the
    /// host's core speed, guestMemoryUsage (MB) over its configured memory. Null when the VM is off or the figures are missing.
    /// </summary>
    internal static VmUtilisation? Utilisation(ViJsonObject vm, ViJsonObject? host)
    {
        if (vm.Str("runtime.powerState") != "poweredOn" || ViJson.Unbox(vm["summary.quickStats"]) is not JsonObject stats)
        {
            return null;
        }

        var cpuMhz = ViJson.Long(stats["overallCpuUsage"]);
        var memoryMb = ViJson.Long(stats["guestMemoryUsage"]);
        var vcpus = vm.Long("config.hardware.numCPU");
        var coreMhz = host?.Long("summary.hardware.cpuMhz");
        var configuredMb = vm.Long("config.hardware.memoryMB");
        decimal? cpu = cpuMhz is { } used && vcpus is > 0 && coreMhz is > 0
            ? Math.Clamp(Math.Round(used * 100m / (vcpus.Value * coreMhz.Value), 2), 0m, 100m)
            : null;
        decimal? memory = memoryMb is { } m && configuredMb is > 0 ? Math.Clamp(Math.Round(m * 100m / configuredMb.Value, 2), 0m, 100m) : null;
        return cpu is null && memory is null ? null : new VmUtilisation(cpu, memory);
    }

    /// <summary>Datacenters, clusters, hosts, datastores and VM folders, in the Automation API path's shape.</summary>
    public static List<ResourceRecord> MapTopology(ViJsonTopology topology, Func<string, IReadOnlyDictionary<string, string>> tagsOf)
    {
        var records = new List<ResourceRecord>();
        foreach (var dc in topology.Datacenters)
        {
            var name = dc.Str("name") ?? dc.Id;
            records.Add(new ResourceRecord
            {
                ExternalId = dc.Id, Kind = ResourceKinds.Datacenter, Name = name, Datacenter = name,
                ResourceType = "Datacenter", Tags = tagsOf(dc.Id), Raw = dc.Raw(),
            });
        }

        foreach (var cluster in topology.Clusters)
        {
            records.Add(new ResourceRecord
            {
                ExternalId = cluster.Id, Kind = ResourceKinds.Cluster, Name = cluster.Str("name") ?? cluster.Id,
                Datacenter = topology.DatacenterOf(cluster.Id)?.Str("name"), Cluster = cluster.Str("name"),
                ResourceType = "ClusterComputeResource", Tags = tagsOf(cluster.Id), Raw = cluster.Raw(),
                Attributes = new JsonObject
                {
                    ["ha_enabled"] = cluster.Bool("configuration.dasConfig.enabled"),
                    ["drs_enabled"] = cluster.Bool("configuration.drsConfig.enabled"),
                },
            });
        }

        foreach (var host in topology.Hosts)
        {
            records.Add(new ResourceRecord
            {
                ExternalId = host.Id, Kind = ResourceKinds.Host, Name = host.Str("name") ?? host.Id,
                Datacenter = topology.DatacenterOf(host.Id)?.Str("name"), Cluster = topology.ClusterOf(host)?.Str("name"),
                Host = host.Str("name"), ResourceType = "HostSystem",
                PowerState = VSphereMapper.PowerState(ViJson.RestEnum(host.Str("runtime.powerState"))),
                Tags = tagsOf(host.Id), Raw = host.Raw(),
                Attributes = new JsonObject { ["connection_state"] = ViJson.RestEnum(host.Str("runtime.connectionState")) },
            });
        }

        foreach (var ds in topology.Datastores)
        {
            var capacity = ds.Long("summary.capacity");
            var free = ds.Long("summary.freeSpace");
            records.Add(new ResourceRecord
            {
                ExternalId = ds.Id, Kind = ResourceKinds.Datastore, Name = ds.Str("name") ?? ds.Id,
                Datacenter = topology.DatacenterOf(ds.Id)?.Str("name"), ResourceType = "Datastore",
                StorageGib = capacity is null ? null : Math.Round(capacity.Value / BytesPerGib, 3),
                Tags = tagsOf(ds.Id), Raw = ds.Raw(),
                Attributes = new JsonObject
                {
                    ["type"] = ds.Str("summary.type"),
                    ["free_gib"] = free is null ? null : Math.Round(free.Value / BytesPerGib, 3),
                },
            });
        }

        foreach (var folder in topology.Folders.Where(ViJsonTopology.IsVmFolder))
        {
            var path = topology.FolderPath(folder.Id);
            if (path is null)
            {
                continue; // not under a datacenter
            }

            records.Add(new ResourceRecord
            {
                ExternalId = folder.Id, Kind = ResourceKinds.Folder, Name = folder.Str("name") ?? folder.Id,
                Datacenter = topology.DatacenterOf(folder.Id)?.Str("name"), FolderPath = path, ResourceType = "Folder",
                Tags = tagsOf(folder.Id), Raw = folder.Raw(),
            });
        }

        return records;
    }
}
