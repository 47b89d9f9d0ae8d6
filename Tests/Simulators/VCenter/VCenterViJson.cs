using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;

namespace Sourcing.Tests.Simulators.VCenter;

/// <summary>
/// VI/JSON of a simulated vCenter 8.0 U1+ (vi-json.yaml, /sdk/vim25/{release}): ServiceInstance
/// content, SessionManager Login/Logout, ViewManager CreateContainerView, ContainerView view and
/// DestroyView, PropertyCollector RetrievePropertiesEx/ContinueRetrievePropertiesEx with paging,
/// PerformanceManager statistics (<see cref="VCenterPerformance"/>).
/// Its rules are enforced: a data object in a request without <c>_typeName</c> is refused, values in
/// DynamicProperty.val are boxed, faults are HTTP 500 with a typed body. Views and paging tokens
/// belong to the session that made them and end with it; a token is used once.
/// </summary>
internal sealed class VCenterViJson(VCenterEstate estate, VCenterFaults faults, VCenterSimulatorOptions options)
{
    public const string RootFolder = "group-d1";

    private static readonly Dictionary<string, string> GuestIds = new(StringComparer.Ordinal)
    {
        ["WINDOWS_7_SERVER_64"] = "windows7Server64Guest",
        ["WINDOWS_8_SERVER_64"] = "windows8Server64Guest",
        ["WINDOWS_9_SERVER_64"] = "windows9Server64Guest",
        ["WINDOWS_SERVER_2019"] = "windows2019srv_64Guest",
        ["WINDOWS_SERVER_2021"] = "windows2019srvNext_64Guest",
        ["RHEL_6_64"] = "rhel6_64Guest",
        ["RHEL_7_64"] = "rhel7_64Guest",
        ["RHEL_8_64"] = "rhel8_64Guest",
        ["RHEL_9_64"] = "rhel9_64Guest",
        ["SLES_12_64"] = "sles12_64Guest",
        ["SLES_15_64"] = "sles15_64Guest",
        ["UBUNTU_64"] = "ubuntu64Guest",
    };

    /// <summary>Property paths each type serves (what a PropertySpec may ask for; anything else is InvalidProperty).</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Paths = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["Datacenter"] = ["name", "parent"],
        ["Folder"] = ["name", "parent", "childType"],
        ["ClusterComputeResource"] = ["name", "parent", "configuration.dasConfig.enabled", "configuration.drsConfig.enabled"],
        ["HostSystem"] = ["name", "parent", "runtime.connectionState", "runtime.powerState", "summary.hardware.cpuMhz"],
        ["Datastore"] = ["name", "parent", "summary.type", "summary.capacity", "summary.freeSpace"],
        ["Network"] = ["name"],
        ["ResourcePool"] = ["name", "parent"],
        ["VirtualMachine"] =
        [
            "name", "config.instanceUuid", "config.uuid", "config.guestId", "config.guestFullName", "config.version",
            "config.hardware.numCPU", "config.hardware.numCoresPerSocket", "config.hardware.memoryMB", "config.hardware.device",
            "config.annotation", "runtime.powerState", "runtime.host", "parent", "datastore", "summary.storage.committed",
            "guest.hostName", "guest.ipAddress", "guest.guestFullName", "guest.guestFamily", "guest.toolsRunningStatus",
            "summary.quickStats",
        ],
    };

    private readonly ConcurrentDictionary<string, SessionState> _state = new(StringComparer.Ordinal);
    private readonly VCenterPerformance _performance = new(estate, faults, options);

    public VCenterPerformance Performance => _performance;

    public string ApiVersion => options.Version + ".0";

    public static JsonObject Mor(string type, string value) =>
        new() { ["_typeName"] = "ManagedObjectReference", ["type"] = type, ["value"] = value };

    public static JsonObject Fault(string type, string message, JsonObject? extra = null)
    {
        var fault = new JsonObject
        {
            ["_typeName"] = type,
            ["faultMessage"] = new JsonArray(new JsonObject
            {
                ["_typeName"] = "LocalizableMessage",
                ["key"] = "vim.fault." + type,
                ["message"] = message,
            }),
        };
        foreach (var (key, value) in extra ?? [])
        {
            fault[key] = value?.DeepClone();
        }

        return fault;
    }

    public JsonObject ServiceContent() => new()
    {
        ["_typeName"] = "ServiceContent",
        ["rootFolder"] = Mor("Folder", RootFolder),
        ["propertyCollector"] = Mor("PropertyCollector", "propertyCollector"),
        ["viewManager"] = Mor("ViewManager", "ViewManager"),
        ["sessionManager"] = Mor("SessionManager", "SessionManager"),
        ["perfManager"] = Mor("PerformanceManager", VCenterPerformance.MoId),
        ["about"] = new JsonObject
        {
            ["_typeName"] = "AboutInfo",
            ["name"] = "VMware vCenter Server",
            ["fullName"] = $"VMware vCenter Server {options.Version} build-24322831",
            ["vendor"] = "VMware, Inc.",
            ["version"] = options.Version,
            ["build"] = "24322831",
            ["localeVersion"] = "INTL",
            ["localeBuild"] = "000",
            ["osType"] = "linux-x64",
            ["productLineId"] = "vpx",
            ["apiType"] = "VirtualCenter",
            ["apiVersion"] = ApiVersion,
            ["instanceUuid"] = "3f2a8c1e-5b7d-4e6f-9a0b-1c2d3e4f5a6b",
            ["licenseProductName"] = "VMware VirtualCenter Server",
            ["licenseProductVersion"] = "8.0",
        },
    };

    public JsonObject UserSession(string key) => new()
    {
        ["_typeName"] = "UserSession",
        ["key"] = key,
        ["userName"] = options.Username.Contains('@', StringComparison.Ordinal) ? "VSPHERE.LOCAL\\" + options.Username.Split('@')[0] : options.Username,
        ["fullName"] = "Administrator vsphere.local",
        ["loginTime"] = "2026-11-23T02:00:00.000Z",
        ["lastActiveTime"] = "2026-11-23T02:00:00.000Z",
        ["locale"] = "en",
        ["messageLocale"] = "en",
        ["extensionSession"] = false,
        ["ipAddress"] = "127.0.0.1",
        ["userAgent"] = "sourcing",
        ["callCount"] = 0,
    };

    /// <summary>The path of the first JSON object below the root without _typeName, or null: the request is well formed.</summary>
    public static string? MissingTypeName(JsonNode? node, string path = "$", bool root = true)
    {
        switch (node)
        {
            case JsonObject obj:
                if (!root && !obj.ContainsKey("_typeName"))
                {
                    return path;
                }

                foreach (var (key, child) in obj)
                {
                    if (MissingTypeName(child, path + "." + key, root: false) is { } missing)
                    {
                        return missing;
                    }
                }

                return null;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (MissingTypeName(array[i], $"{path}[{i}]", root: false) is { } missing)
                    {
                        return missing;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    public void EndSession(string token) => _state.TryRemove(token, out _);

    /// <summary>One authenticated call: (status, body).</summary>
    public (int Status, JsonNode? Body) Dispatch(string session, string method, string type, string moId, string operation, JsonNode? body)
    {
        var state = _state.GetOrAdd(session, _ => new SessionState());
        return (method, type, operation) switch
        {
            ("POST", "ViewManager", "CreateContainerView") => CreateView(state, body),
            ("GET", "ContainerView", "view") => state.Views.TryGetValue(moId, out var view)
                ? (200, new JsonArray([.. Objects(view.Types).Select(o => (JsonNode)Mor(o.Type, o.Id))]))
                : NotFound(moId, "ContainerView"),
            ("POST", "ContainerView", "DestroyView") => state.Views.TryRemove(moId, out _) ? (204, null) : NotFound(moId, "ContainerView"),
            ("POST", "PropertyCollector", "RetrievePropertiesEx") => Retrieve(state, body),
            ("POST", "PropertyCollector", "ContinueRetrievePropertiesEx") => Continue(state, body),
            (_, "PerformanceManager", _) => moId == VCenterPerformance.MoId ? _performance.Dispatch(method, operation, body) : NotFound(moId, "PerformanceManager"),
            _ => (404, null),
        };
    }

    private static (int, JsonNode?) NotFound(string id, string type) =>
        (500, Fault("ManagedObjectNotFound", $"The object '{type}:{id}' has already been deleted or has not been completely created",
            new JsonObject { ["obj"] = Mor(type, id) }));

    private static (int, JsonNode?) InvalidArgument(string property, string message) =>
        (500, Fault("InvalidArgument", message, new JsonObject { ["invalidProperty"] = property }));

    private static (int, JsonNode?) CreateView(SessionState state, JsonNode? body)
    {
        if (body?["container"] is not JsonObject container || container["value"]?.ToString() != RootFolder)
        {
            return InvalidArgument("container", "A specified parameter was not correct: container");
        }

        var types = body["type"] is JsonArray array ? array.Select(t => t!.ToString()).ToArray() : [];
        if (types.Any(t => !Paths.ContainsKey(t)))
        {
            return InvalidArgument("type", "A specified parameter was not correct: type");
        }

        var id = $"session[{Guid.NewGuid():D}]{Guid.NewGuid():N}";
        state.Views[id] = new View(types);
        return (200, Mor("ContainerView", id));
    }

    private (int, JsonNode?) Retrieve(SessionState state, JsonNode? body)
    {
        if (body?["specSet"] is not JsonArray { Count: 1 } specs || specs[0] is not JsonObject spec || body["options"] is not JsonObject retrieveOptions)
        {
            return InvalidArgument("specSet", "A specified parameter was not correct: specSet");
        }

        if (spec["objectSet"] is not JsonArray { Count: > 0 } objectSet || objectSet.Any(o => o?["obj"] is not JsonObject))
        {
            return InvalidArgument("objectSet", "A specified parameter was not correct: objectSet");
        }

        View? view = null;
        if (objectSet[0]?["selectSet"] is JsonArray select)
        {
            // A traversal from one ContainerView to its objects.
            var viewId = objectSet[0]!["obj"]!["value"]?.ToString() ?? "";
            if (objectSet.Count != 1 || select.Count != 1 || select[0]?["path"]?.ToString() != "view" || select[0]?["type"]?.ToString() != "ContainerView")
            {
                return InvalidArgument("objectSet", "A specified parameter was not correct: objectSet");
            }

            if (!state.Views.TryGetValue(viewId, out view))
            {
                return NotFound(viewId, "ContainerView");
            }
        }

        if (spec["propSet"] is not JsonArray { Count: 1 } propSet || propSet[0] is not JsonObject propertySpec
            || propertySpec["type"]?.ToString() is not { } type || !Paths.TryGetValue(type, out var known))
        {
            return InvalidArgument("propSet", "A specified parameter was not correct: propSet");
        }

        var paths = propertySpec["pathSet"] is JsonArray pathSet ? pathSet.Select(p => p!.ToString()).ToArray() : [];
        if (paths.FirstOrDefault(p => !known.Contains(p, StringComparer.Ordinal)) is { } unknown)
        {
            return (500, Fault("InvalidProperty", $"Property {unknown} is not valid for {type}", new JsonObject { ["name"] = unknown }));
        }

        var requested = retrieveOptions["maxObjects"] is JsonValue m && m.TryGetValue<int>(out var max) && max > 0 ? max : options.ViJsonMaxObjects;
        var page = Math.Min(requested, options.ViJsonMaxObjects);
        List<(string Type, string Id)> ids;
        if (view is not null)
        {
            ids = [.. Objects(view.Types).Where(o => o.Type == type || (type == "Network" && o.Type == "DistributedVirtualPortgroup"))];
        }
        else
        {
            // The objects named directly; one that no longer exists is left out, as vCenter does.
            var existing = Objects([type]).ToHashSet();
            ids = [.. objectSet.Select(o => (Type: o!["obj"]!["type"]?.ToString() ?? "", Id: o["obj"]!["value"]?.ToString() ?? ""))
                .Where(existing.Contains)];
        }
        return (200, Page(state, new Paging(ids, paths, page), 0));
    }

    private (int, JsonNode?) Continue(SessionState state, JsonNode? body)
    {
        var token = body?["token"]?.ToString() ?? "";
        if (faults.TakeExpiredToken() || !state.Tokens.TryRemove(token, out var position))
        {
            return InvalidArgument("token", "A specified parameter was not correct: token");
        }

        return (200, Page(state, position.Paging, position.Offset));
    }

    private JsonObject Page(SessionState state, Paging paging, int offset)
    {
        var objects = new JsonArray();
        foreach (var (type, id) in paging.Objects.Skip(offset).Take(paging.PageSize))
        {
            var props = new JsonArray();
            var missing = new JsonArray();
            var unreadable = type == "VirtualMachine" && faults.UnreadableVmProperties.TryGetValue(id, out var paths) ? paths : [];
            foreach (var path in paging.Paths)
            {
                if (unreadable.Contains(path, StringComparer.Ordinal))
                {
                    missing.Add(new JsonObject
                    {
                        ["_typeName"] = "MissingProperty",
                        ["path"] = path,
                        // vi-json.yaml MissingProperty.fault is a MethodFault itself (SOAP wraps it in a LocalizedMethodFault).
                        ["fault"] = Fault("SystemError", "A general system error occurred: Simulated read failure",
                            new JsonObject { ["reason"] = "Simulated read failure" }),
                    });
                }
                else if (Property(type, id, path) is { } value)
                {
                    props.Add(new JsonObject { ["_typeName"] = "DynamicProperty", ["name"] = path, ["val"] = value });
                }
            }

            var content = new JsonObject { ["_typeName"] = "ObjectContent", ["obj"] = Mor(type, id), ["propSet"] = props };
            if (missing.Count > 0)
            {
                content["missingSet"] = missing;
            }

            objects.Add(content);
        }

        var result = new JsonObject { ["_typeName"] = "RetrieveResult", ["objects"] = objects };
        var next = offset + paging.PageSize;
        if (next < paging.Objects.Count)
        {
            var token = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(8));
            state.Tokens[token] = new Position(paging, next);
            result["token"] = token;
        }

        return result;
    }

    /// <summary>The objects a view over the root folder sees, of the view's types, in id order.</summary>
    private List<(string Type, string Id)> Objects(string[] types)
    {
        var list = new List<(string, string)>();
        foreach (var type in types)
        {
            switch (type)
            {
                case "Datacenter": list.AddRange(estate.Datacenters.Select(d => ("Datacenter", d.Id))); break;
                case "Folder": list.AddRange(estate.Folders.Select(f => ("Folder", f.Id))); break;
                case "ClusterComputeResource": list.AddRange(estate.Clusters.Select(c => ("ClusterComputeResource", c.Id))); break;
                case "HostSystem": list.AddRange(estate.Hosts.Select(h => ("HostSystem", h.Id))); break;
                case "Datastore": list.AddRange(estate.Datastores.Select(d => ("Datastore", d.Id))); break;
                case "Network": list.AddRange(Networks().Keys.Select(n => ("DistributedVirtualPortgroup", n))); break;
                case "VirtualMachine": list.AddRange(estate.Vms.Where(v => !faults.VanishingVms.ContainsKey(v.Id)).Select(v => ("VirtualMachine", v.Id))); break;
                default: break;
            }
        }

        return list;
    }

    private SortedDictionary<string, string> Networks()
    {
        var networks = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var nic in estate.Vms.SelectMany(v => v.Nics))
        {
            networks.TryAdd(nic.Network, nic.NetworkName);
        }

        return networks;
    }

    private static JsonObject Box(string type, JsonNode? value) => new() { ["_typeName"] = type, ["_value"] = value };

    private static JsonObject Str(string value) => Box("string", value);

    private JsonObject? Property(string type, string id, string path) => type switch
    {
        "Datacenter" => estate.Datacenters.First(d => d.Id == id) is var dc ? path switch
        {
            "name" => Str(dc.Name),
            "parent" => Mor("Folder", RootFolder),
            _ => null,
        } : null,
        "Folder" => estate.Folders.First(f => f.Id == id) is var folder ? path switch
        {
            "name" => Str(folder.Name),
            "parent" => folder.ParentId is { } parent ? Mor("Folder", parent) : folder.DatacenterId is { } dc ? Mor("Datacenter", dc) : null,
            "childType" => Box("ArrayOfString", new JsonArray([.. ChildTypes(folder.Type).Select(t => (JsonNode)t)])),
            _ => null,
        } : null,
        "ClusterComputeResource" => estate.Clusters.First(c => c.Id == id) is var cluster ? path switch
        {
            "name" => Str(cluster.Name),
            "parent" => Mor("Folder", estate.Folders.First(f => f.Type == "HOST" && f.DatacenterId == cluster.DatacenterId).Id),
            "configuration.dasConfig.enabled" => Box("boolean", cluster.HaEnabled),
            "configuration.drsConfig.enabled" => Box("boolean", cluster.DrsEnabled),
            _ => null,
        } : null,
        "HostSystem" => estate.Host(id) is var host ? path switch
        {
            "name" => Str(host.Name),
            "parent" => host.ClusterId is { } c ? Mor("ClusterComputeResource", c) : null,
            "runtime.connectionState" => Box("HostSystemConnectionState", "connected"),
            "runtime.powerState" => Box("HostSystemPowerState", "poweredOn"),
            "summary.hardware.cpuMhz" => Box("int", host.CpuMhz),
            _ => null,
        } : null,
        "Datastore" => estate.Datastores.First(d => d.Id == id) is var ds ? path switch
        {
            "name" => Str(ds.Name),
            "parent" => Mor("Folder", estate.Folders.First(f => f.Type == "DATASTORE" && f.DatacenterId == ds.DatacenterId).Id),
            "summary.type" => Str(ds.Type),
            "summary.capacity" => Box("long", ds.CapacityBytes),
            "summary.freeSpace" => Box("long", ds.FreeBytes),
            _ => null,
        } : null,
        "DistributedVirtualPortgroup" => path == "name" && Networks().TryGetValue(id, out var name) ? Str(name) : null,
        "VirtualMachine" => estate.FindVm(id) is { } vm ? VmProperty(vm, path) : null,
        _ => null,
    };

    private static string[] ChildTypes(string folderType) => folderType switch
    {
        "VIRTUAL_MACHINE" => ["Folder", "VirtualMachine", "VirtualApp"],
        "HOST" => ["Folder", "ComputeResource"],
        "DATASTORE" => ["Folder", "Datastore", "StoragePod"],
        "NETWORK" => ["Folder", "Network", "DistributedVirtualSwitch"],
        _ => ["Folder", "Datacenter"],
    };

    private JsonObject? VmProperty(SimVm vm, string path)
    {
        var on = vm.PowerState == "POWERED_ON";
        var tools = on && vm.ToolsRunning;
        var host = estate.Host(vm.HostId);
        return path switch
        {
            "name" => Str(vm.Name),
            "config.instanceUuid" => Str(vm.InstanceUuid),
            "config.uuid" => Str(vm.BiosUuid),
            "config.guestId" => Str(GuestIds.GetValueOrDefault(vm.GuestOs, "otherGuest64")),
            "config.guestFullName" => Str(vm.GuestFullName),
            "config.version" => Str(vm.HardwareVersion.Replace('_', '-').ToLowerInvariant()),
            "config.hardware.numCPU" => Box("int", vm.CpuCount),
            "config.hardware.numCoresPerSocket" => Box("int", vm.CoresPerSocket),
            "config.hardware.memoryMB" => Box("int", vm.MemoryMib),
            "config.hardware.device" => Box("ArrayOfVirtualDevice", Devices(vm)),
            "config.annotation" => vm.Annotation is { } note ? Str(note) : null,
            "runtime.powerState" => Box("VirtualMachinePowerState", vm.PowerState switch
            {
                "POWERED_ON" => "poweredOn",
                "POWERED_OFF" => "poweredOff",
                _ => "suspended",
            }),
            "runtime.host" => Mor("HostSystem", vm.HostId),
            "parent" => Mor("Folder", vm.FolderId),
            "datastore" => Box("ArrayOfManagedObjectReference", new JsonArray([.. vm.Disks
                .Select(d => d.VmdkFile[1..d.VmdkFile.IndexOf(']', StringComparison.Ordinal)])
                .Distinct(StringComparer.Ordinal)
                .Select(name => estate.Datastores.FirstOrDefault(ds => ds.Name == name)?.Id)
                .Where(dsId => dsId is not null)
                .Select(dsId => (JsonNode)Mor("Datastore", dsId!))])),
            "summary.storage.committed" => Box("long", vm.StorageBytes),
            "guest.hostName" => tools && vm.HostName is { } hostName ? Str(hostName) : null,
            "guest.ipAddress" => tools && vm.IpAddress is { } ip ? Str(ip) : null,
            "guest.guestFullName" => tools ? Str(vm.GuestFullName) : null,
            "guest.guestFamily" => tools ? Str(vm.GuestFamily == "WINDOWS" ? "windowsGuest" : "linuxGuest") : null,
            "guest.toolsRunningStatus" => Str(tools ? "guestToolsRunning" : "guestToolsNotRunning"),
            "summary.quickStats" => new JsonObject
            {
                ["_typeName"] = "VirtualMachineQuickStats",
                ["overallCpuUsage"] = on ? vm.CpuCount * host.CpuMhz * vm.CpuUsagePercent / 100 : 0,
                ["guestMemoryUsage"] = tools ? vm.MemoryMib * vm.MemoryUsagePercent / 100 : 0,
                ["hostMemoryUsage"] = on ? vm.MemoryMib : 0,
                ["uptimeSeconds"] = on ? 86400 * 12 : 0,
                ["guestHeartbeatStatus"] = tools ? "green" : "gray",
            },
            _ => null,
        };
    }

    private static JsonArray Devices(SimVm vm)
    {
        var devices = new JsonArray
        {
            new JsonObject
            {
                ["_typeName"] = "ParaVirtualSCSIController",
                ["key"] = 1000,
                ["deviceInfo"] = new JsonObject { ["_typeName"] = "Description", ["label"] = "SCSI controller 0", ["summary"] = "VMware paravirtual SCSI" },
                ["busNumber"] = 0,
                ["sharedBus"] = "noSharing",
                ["scsiCtlrUnitNumber"] = 7,
            },
        };
        foreach (var (disk, i) in vm.Disks.Select((d, i) => (d, i)))
        {
            devices.Add(new JsonObject
            {
                ["_typeName"] = "VirtualDisk",
                ["key"] = int.Parse(disk.Key, CultureInfo.InvariantCulture),
                ["deviceInfo"] = new JsonObject
                {
                    ["_typeName"] = "Description", ["label"] = disk.Label,
                    ["summary"] = (disk.CapacityBytes / 1024).ToString("N0", CultureInfo.InvariantCulture) + " KB",
                },
                ["backing"] = new JsonObject
                {
                    ["_typeName"] = "VirtualDiskFlatVer2BackingInfo", ["fileName"] = disk.VmdkFile, ["diskMode"] = "persistent", ["thinProvisioned"] = true,
                },
                ["controllerKey"] = 1000,
                ["unitNumber"] = i,
                ["capacityInKB"] = disk.CapacityBytes / 1024,
                ["capacityInBytes"] = disk.CapacityBytes,
            });
        }

        foreach (var (nic, i) in vm.Nics.Select((n, i) => (n, i)))
        {
            devices.Add(new JsonObject
            {
                ["_typeName"] = "VirtualVmxnet3",
                ["key"] = int.Parse(nic.Key, CultureInfo.InvariantCulture),
                ["deviceInfo"] = new JsonObject { ["_typeName"] = "Description", ["label"] = nic.Label, ["summary"] = nic.NetworkName },
                ["backing"] = new JsonObject
                {
                    ["_typeName"] = "VirtualEthernetCardDistributedVirtualPortBackingInfo",
                    ["port"] = new JsonObject
                    {
                        ["_typeName"] = "DistributedVirtualSwitchPortConnection",
                        ["switchUuid"] = "50 2a 6e 1b 9c 3d 4e 5f-a1 b2 c3 d4 e5 f6 07 18",
                        ["portgroupKey"] = nic.Network,
                        ["portKey"] = (100 + i).ToString(CultureInfo.InvariantCulture),
                    },
                },
                ["connectable"] = new JsonObject
                {
                    ["_typeName"] = "VirtualDeviceConnectInfo", ["startConnected"] = true, ["allowGuestControl"] = true,
                    ["connected"] = vm.PowerState == "POWERED_ON", ["status"] = "ok",
                },
                ["controllerKey"] = 100,
                ["unitNumber"] = 7 + i,
                ["addressType"] = "assigned",
                ["macAddress"] = nic.MacAddress,
                ["wakeOnLanEnabled"] = false,
            });
        }

        return devices;
    }

    private sealed class SessionState
    {
        public ConcurrentDictionary<string, View> Views { get; } = new(StringComparer.Ordinal);

        public ConcurrentDictionary<string, Position> Tokens { get; } = new(StringComparer.Ordinal);
    }

    private sealed record View(string[] Types);

    private sealed record Paging(List<(string Type, string Id)> Objects, string[] Paths, int PageSize);

    private sealed record Position(Paging Paging, int Offset);
}
