using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Sourcing.Tests.Simulators.VCenter;

/// <summary>
/// The operations of vcenter.json / cis.json 7.0.3 that a read-only inventory needs, in the /api
/// shape or the /rest shape ({"value": ...} bodies, maps as key/value lists, "filter." params,
/// "id:" path ids, "~action").
/// </summary>
internal sealed class VCenterApi(VCenterEstate estate, VCenterFaults faults, bool rest)
{
    public bool Rest => rest;

    public (int Status, JsonNode? Body) Dispatch(string method, string path, IQueryCollection query, JsonNode? body)
    {
        var route = rest
            ? path["/rest/".Length..].Replace("com/vmware/cis/", "cis/", StringComparison.Ordinal)
            : path["/api/".Length..];
        var segments = route.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(s => s.StartsWith("id:", StringComparison.Ordinal) ? s[3..] : s).ToArray();
        var action = query[rest ? "~action" : "action"].ToString();

        return (method, segments) switch
        {
            ("GET", ["vcenter", "datacenter"]) => Ok(Datacenters(query)),
            ("GET", ["vcenter", "cluster"]) => Ok(Clusters(query)),
            ("GET", ["vcenter", "host"]) => Ok(Hosts(query)),
            ("GET", ["vcenter", "datastore"]) => Ok(Datastores(query)),
            ("GET", ["vcenter", "folder"]) => Ok(Folders(query)),
            ("GET", ["vcenter", "vm"]) => VmList(query),
            ("GET", ["vcenter", "vm", var vm]) => VmInfo(vm),
            ("GET", ["vcenter", "vm", var vm, "guest", "identity"]) => Identity(vm),
            ("GET", ["cis", "tagging", "category"]) => Ok(new JsonArray([.. estate.Categories.Select(c => (JsonNode)c.Id)])),
            ("GET", ["cis", "tagging", "category", var id]) => Category(id),
            ("GET", ["cis", "tagging", "tag"]) => Ok(new JsonArray([.. estate.Tags.Select(t => (JsonNode)t.Id)])),
            ("GET", ["cis", "tagging", "tag", var id]) => Tag(id),
            ("POST", ["cis", "tagging", "tag-association"]) when action == "list-attached-objects-on-tags" => ObjectsOnTags(body),
            ("POST", ["cis", "tagging", "tag-association"]) when action == "list-attached-tags-on-objects" => TagsOnObjects(body),
            _ => (404, Error("NOT_FOUND", "com.vmware.vapi.rest.httpNotFound", "Not found.")),
        };
    }

    public JsonNode Error(string errorType, string id, string message, params string[] args)
    {
        var inner = new JsonObject
        {
            ["error_type"] = errorType,
            ["messages"] = new JsonArray(new JsonObject
            {
                ["args"] = new JsonArray([.. args.Select(a => (JsonNode)a)]),
                ["default_message"] = message,
                ["id"] = id,
            }),
        };
        return rest
            ? new JsonObject { ["type"] = "com.vmware.vapi.std.errors." + errorType.ToLowerInvariant(), ["value"] = inner }
            : inner;
    }

    private (int, JsonNode?) Ok(JsonNode body) => (200, rest ? new JsonObject { ["value"] = body } : body);

    private string[] Filter(IQueryCollection query, string name) =>
        [.. query[rest ? "filter." + name : name].Where(v => !string.IsNullOrEmpty(v)).Select(v => v!)];

    private static bool Match(string[] filter, string? value) => filter.Length == 0 || (value is not null && filter.Contains(value, StringComparer.Ordinal));

    private JsonArray Datacenters(IQueryCollection query)
    {
        var ids = Filter(query, "datacenters");
        var names = Filter(query, "names");
        return new JsonArray([.. estate.Datacenters.Where(d => Match(ids, d.Id) && Match(names, d.Name))
            .Select(d => (JsonNode)new JsonObject { ["datacenter"] = d.Id, ["name"] = d.Name })]);
    }

    private JsonArray Clusters(IQueryCollection query)
    {
        var ids = Filter(query, "clusters");
        var names = Filter(query, "names");
        var dcs = Filter(query, "datacenters");
        return new JsonArray([.. estate.Clusters.Where(c => Match(ids, c.Id) && Match(names, c.Name) && Match(dcs, c.DatacenterId))
            .Select(c => (JsonNode)new JsonObject { ["cluster"] = c.Id, ["name"] = c.Name, ["ha_enabled"] = c.HaEnabled, ["drs_enabled"] = c.DrsEnabled })]);
    }

    private JsonArray Hosts(IQueryCollection query)
    {
        var ids = Filter(query, "hosts");
        var names = Filter(query, "names");
        var dcs = Filter(query, "datacenters");
        var clusters = Filter(query, "clusters");
        var standalone = Filter(query, "standalone");
        return new JsonArray([.. estate.Hosts
            .Where(h => Match(ids, h.Id) && Match(names, h.Name) && Match(dcs, h.DatacenterId) && Match(clusters, h.ClusterId))
            .Where(h => standalone.Length == 0 || (standalone[0] == "true") == (h.ClusterId is null))
            .Select(h => (JsonNode)new JsonObject { ["host"] = h.Id, ["name"] = h.Name, ["connection_state"] = "CONNECTED", ["power_state"] = "POWERED_ON" })]);
    }

    private JsonArray Datastores(IQueryCollection query)
    {
        var ids = Filter(query, "datastores");
        var names = Filter(query, "names");
        var dcs = Filter(query, "datacenters");
        var types = Filter(query, "types");
        return new JsonArray([.. estate.Datastores
            .Where(d => Match(ids, d.Id) && Match(names, d.Name) && Match(dcs, d.DatacenterId) && Match(types, d.Type))
            .Select(d => (JsonNode)new JsonObject
            {
                ["datastore"] = d.Id, ["name"] = d.Name, ["type"] = d.Type, ["free_space"] = d.FreeBytes, ["capacity"] = d.CapacityBytes,
            })]);
    }

    private JsonArray Folders(IQueryCollection query)
    {
        var ids = Filter(query, "folders");
        var names = Filter(query, "names");
        var dcs = Filter(query, "datacenters");
        var parents = Filter(query, "parent_folders");
        var type = Filter(query, "type");
        return new JsonArray([.. estate.Folders
            .Where(f => Match(ids, f.Id) && Match(names, f.Name) && Match(dcs, f.DatacenterId) && Match(type, f.Type))
            .Where(f => parents.Length == 0 || (f.ParentId is not null && parents.Contains(f.ParentId, StringComparer.Ordinal)))
            .Select(f => (JsonNode)new JsonObject { ["folder"] = f.Id, ["name"] = f.Name, ["type"] = f.Type })]);
    }

    /// <summary>GET vcenter/vm with VM.FilterSpec; beyond the cap the documented error (500 on /api, 400 on /rest).</summary>
    private (int, JsonNode?) VmList(IQueryCollection query)
    {
        var ids = Filter(query, "vms");
        var names = Filter(query, "names");
        var folders = Filter(query, "folders");
        var dcs = Filter(query, "datacenters");
        var hosts = Filter(query, "hosts");
        var clusters = Filter(query, "clusters");
        var powerStates = Filter(query, "power_states");
        var hostById = estate.Hosts.ToDictionary(h => h.Id, StringComparer.Ordinal);
        var matches = estate.Vms.Where(v =>
        {
            var host = hostById[v.HostId];
            return Match(ids, v.Id) && Match(names, v.Name) && Match(folders, v.FolderId) && Match(dcs, host.DatacenterId)
                && Match(hosts, v.HostId) && Match(clusters, host.ClusterId) && Match(powerStates, v.PowerState);
        }).ToList();

        if (matches.Count > faults.VmListCap)
        {
            var cap = faults.VmListCap.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return (rest ? 400 : 500, Error("UNABLE_TO_ALLOCATE_RESOURCE", "com.vmware.api.vcenter.vm.too_many_matches",
                $"Too many virtual machines match the filter criteria (limit {cap}).", cap));
        }

        return Ok(new JsonArray([.. matches.Select(v => (JsonNode)new JsonObject
        {
            ["vm"] = v.Id, ["name"] = v.Name, ["power_state"] = v.PowerState, ["cpu_count"] = v.CpuCount, ["memory_size_MiB"] = v.MemoryMib,
        })]));
    }

    private SimVm? Visible(string id) => faults.VanishingVms.ContainsKey(id) ? null : estate.FindVm(id);

    private (int, JsonNode?) NotFound(string id) =>
        (404, Error("NOT_FOUND", "com.vmware.api.vcenter.vm.not_found", $"Virtual machine with identifier '{id}' does not exist.", id));

    private (int, JsonNode?) VmInfo(string id)
    {
        if (Visible(id) is not { } vm)
        {
            return NotFound(id);
        }

        var disks = vm.Disks.Select((d, i) => (d.Key, (JsonNode)new JsonObject
        {
            ["label"] = d.Label,
            ["type"] = "SCSI",
            ["scsi"] = new JsonObject { ["bus"] = 0, ["unit"] = i },
            ["backing"] = new JsonObject { ["type"] = "VMDK_FILE", ["vmdk_file"] = d.VmdkFile },
            ["capacity"] = d.CapacityBytes,
        }));
        var nics = vm.Nics.Select((n, i) => (n.Key, (JsonNode)new JsonObject
        {
            ["label"] = n.Label,
            ["type"] = "VMXNET3",
            ["upt_compatibility_enabled"] = false,
            ["mac_type"] = "ASSIGNED",
            ["mac_address"] = n.MacAddress,
            ["pci_slot_number"] = 192 + i,
            ["wake_on_lan_enabled"] = false,
            ["backing"] = new JsonObject
            {
                ["type"] = "DISTRIBUTED_PORTGROUP", ["network"] = n.Network, ["network_name"] = n.NetworkName,
                ["distributed_switch_uuid"] = "50 2a 6e 1b 9c 3d 4e 5f-a1 b2 c3 d4 e5 f6 07 18", ["distributed_port"] = (100 + i).ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
            ["state"] = vm.PowerState == "POWERED_ON" ? "CONNECTED" : "NOT_CONNECTED",
            ["start_connected"] = true,
            ["allow_guest_control"] = true,
        }));
        var scsi = new[] { ("1000", (JsonNode)new JsonObject
        {
            ["label"] = "SCSI controller 0", ["type"] = "PVSCSI", ["scsi"] = new JsonObject { ["bus"] = 0, ["unit"] = 7 }, ["sharing"] = "NONE", ["pci_slot_number"] = 160,
        }) };

        var info = new JsonObject
        {
            ["name"] = vm.Name,
            ["guest_OS"] = vm.GuestOs,
            ["power_state"] = vm.PowerState,
            ["instant_clone_frozen"] = false,
            ["identity"] = new JsonObject { ["name"] = vm.Name, ["instance_uuid"] = vm.InstanceUuid, ["bios_uuid"] = vm.BiosUuid },
            ["hardware"] = new JsonObject { ["version"] = vm.HardwareVersion, ["upgrade_policy"] = "NEVER", ["upgrade_status"] = "NONE" },
            ["boot"] = new JsonObject { ["type"] = vm.GuestFamily == "WINDOWS" ? "EFI" : "BIOS", ["delay"] = 0, ["retry"] = false, ["retry_delay"] = 10000, ["enter_setup_mode"] = false },
            ["boot_devices"] = new JsonArray(),
            ["cpu"] = new JsonObject { ["count"] = vm.CpuCount, ["cores_per_socket"] = vm.CoresPerSocket, ["hot_add_enabled"] = false, ["hot_remove_enabled"] = false },
            ["memory"] = new JsonObject { ["size_MiB"] = vm.MemoryMib, ["hot_add_enabled"] = false },
            ["disks"] = Map(disks),
            ["nics"] = Map(nics),
            ["cdroms"] = Map([]),
            ["floppies"] = Map([]),
            ["parallel_ports"] = Map([]),
            ["serial_ports"] = Map([]),
            ["sata_adapters"] = Map([]),
            ["scsi_adapters"] = Map(scsi),
            ["nvme_adapters"] = Map([]),
        };
        return Ok(info);
    }

    /// <summary>GET vcenter/vm/{vm}/guest/identity: 503 when Tools is not running (the real body of Get_guest_identity_information).</summary>
    private (int, JsonNode?) Identity(string id)
    {
        if (Visible(id) is not { } vm)
        {
            return NotFound(id);
        }

        if (!vm.ToolsRunning || vm.PowerState != "POWERED_ON")
        {
            return (503, Error("SERVICE_UNAVAILABLE", "com.vmware.api.vcenter.vm.guest.information_not_available",
                $"VMware Tools in the virtual machine with identifier '{id}' provided no information.", id));
        }

        var identity = new JsonObject
        {
            ["name"] = vm.GuestOs,
            ["family"] = vm.GuestFamily,
            ["full_name"] = new JsonObject
            {
                ["args"] = new JsonArray(),
                ["default_message"] = vm.GuestFullName,
                ["id"] = "vmsg.guestos." + vm.GuestOs.ToLowerInvariant() + ".label",
            },
            ["host_name"] = vm.HostName ?? "",
        };
        if (vm.IpAddress is not null)
        {
            identity["ip_address"] = vm.IpAddress;
        }

        return Ok(identity);
    }

    private (int, JsonNode?) Category(string id) =>
        estate.Categories.FirstOrDefault(c => c.Id == id) is { } c
            ? Ok(new JsonObject
            {
                ["id"] = c.Id, ["name"] = c.Name, ["description"] = "", ["cardinality"] = c.Cardinality,
                ["associable_types"] = new JsonArray(), ["used_by"] = new JsonArray(),
            })
            : (404, Error("NOT_FOUND", "com.vmware.cis.tagging.objectNotFound", $"Category {id} not found."));

    private (int, JsonNode?) Tag(string id) =>
        estate.Tags.FirstOrDefault(t => t.Id == id) is { } t
            ? Ok(new JsonObject { ["id"] = t.Id, ["category_id"] = t.CategoryId, ["name"] = t.Name, ["description"] = "", ["used_by"] = new JsonArray() })
            : (404, Error("NOT_FOUND", "com.vmware.cis.tagging.objectNotFound", $"Tag {id} not found."));

    private (int, JsonNode?) ObjectsOnTags(JsonNode? body)
    {
        var tagIds = body?["tag_ids"] is JsonArray ids ? ids.Select(i => i!.ToString()).ToList() : [];
        return Ok(new JsonArray([.. tagIds.Where(id => estate.Tags.Any(t => t.Id == id)).Select(id => (JsonNode)new JsonObject
        {
            ["tag_id"] = id,
            ["object_ids"] = new JsonArray([.. estate.AttachedObjects(id).Select(o => (JsonNode)DynamicId(o))]),
        })]));
    }

    private (int, JsonNode?) TagsOnObjects(JsonNode? body)
    {
        var objects = body?["object_ids"] is JsonArray ids ? ids.Select(i => i?["id"]?.ToString() ?? "").ToList() : [];
        return Ok(new JsonArray([.. objects.Select(o => (JsonNode)new JsonObject
        {
            ["object_id"] = DynamicId(o),
            ["tag_ids"] = new JsonArray([.. estate.TagsOn(o).Select(t => (JsonNode)t.Id)]),
        })]));
    }

    private static JsonObject DynamicId(string id) => new()
    {
        ["type"] = id switch
        {
            _ when id.StartsWith("vm-", StringComparison.Ordinal) => "VirtualMachine",
            _ when id.StartsWith("host-", StringComparison.Ordinal) => "HostSystem",
            _ when id.StartsWith("domain-c", StringComparison.Ordinal) => "ClusterComputeResource",
            _ when id.StartsWith("datacenter-", StringComparison.Ordinal) => "Datacenter",
            _ when id.StartsWith("datastore-", StringComparison.Ordinal) => "Datastore",
            _ => "Folder",
        },
        ["id"] = id,
    };

    /// <summary>/api: {"2000": {...}}; /rest: [{"key": "2000", "value": {...}}].</summary>
    private JsonNode Map(IEnumerable<(string Key, JsonNode Value)> entries) =>
        rest
            ? new JsonArray([.. entries.Select(e => (JsonNode)new JsonObject { ["key"] = e.Key, ["value"] = e.Value })])
            : new JsonObject(entries.Select(e => KeyValuePair.Create(e.Key, (JsonNode?)e.Value)));
}
