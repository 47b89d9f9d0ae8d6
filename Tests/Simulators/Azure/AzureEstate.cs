using System.Globalization;
using System.Text.Json.Nodes;

namespace Sourcing.Tests.Simulators.Azure;

/// <summary>
/// A generated, seeded Azure estate of a Swedish region: systems of the förvaltningar as resource
/// groups per environment, VMs with disks and NICs, App Services with SQL and storage, some AKS.
/// The JSON is what ARM returns (api-versions 2022-09-01 resources, 2023-07-01 VMs, 2023-04-02 disks).
/// </summary>
public sealed class AzureEstate
{
    private static readonly (string System, string Forvaltning)[] Systems =
    [
        ("Cosmic", "Hälso- och sjukvårdsförvaltningen"), ("Sectra PACS", "Hälso- och sjukvårdsförvaltningen"),
        ("Melior", "Hälso- och sjukvårdsförvaltningen"), ("TakeCare", "Hälso- och sjukvårdsförvaltningen"),
        ("1177 Integration", "Hälso- och sjukvårdsförvaltningen"), ("Lifecare", "Socialförvaltningen"),
        ("Treserva", "Socialförvaltningen"), ("Procapita", "Socialförvaltningen"), ("Extens", "Utbildningsförvaltningen"),
        ("Skolwebben", "Utbildningsförvaltningen"), ("Vidar Fastighet", "Tekniska förvaltningen"),
        ("Driftövervakning", "Tekniska förvaltningen"), ("Planeringskarta", "Samhällsbyggnadsförvaltningen"),
        ("Bygglov", "Samhällsbyggnadsförvaltningen"), ("Heroma", "Regionstyrelseförvaltningen"),
        ("Raindance", "Regionstyrelseförvaltningen"), ("Public 360", "Regionstyrelseförvaltningen"),
        ("Intranät", "Regionstyrelseförvaltningen"), ("Webbplats", "Regionstyrelseförvaltningen"),
        ("TimeCare", "Regionstyrelseförvaltningen"),
    ];

    private static readonly string[] Locations = ["swedencentral", "swedencentral", "swedencentral", "swedensouth", "northeurope", "westeurope"];

    private static readonly string[] VmSizes =
    [
        "Standard_B2s", "Standard_B2ms", "Standard_D2s_v3", "Standard_D4s_v3", "Standard_D4s_v5", "Standard_D8s_v5",
        "Standard_E4s_v5", "Standard_E8s_v4", "Standard_F4s_v2", "Standard_D2ds_v5", "Standard_DS2_v2", "Standard_M8ms",
    ];

    // OsName is what the VM's instance view reports (the guest agent's name), as Azure gives it: "Windows Server 2019
    // Datacenter", and a Linux distribution's id in lower case.
    private static readonly (string Publisher, string Offer, string Sku, string OsType, string OsName)[] Images =
    [
        ("MicrosoftWindowsServer", "WindowsServer", "2019-datacenter-gensecond", "Windows", "Windows Server 2019 Datacenter"),
        ("MicrosoftWindowsServer", "WindowsServer", "2022-datacenter-azure-edition", "Windows", "Windows Server 2022 Datacenter Azure Edition"),
        ("MicrosoftWindowsServer", "WindowsServer", "2016-Datacenter", "Windows", "Windows Server 2016 Datacenter"),
        ("Canonical", "0001-com-ubuntu-server-jammy", "22_04-lts-gen2", "Linux", "ubuntu"),
        ("RedHat", "RHEL", "8_6", "Linux", "redhat"),
        ("MicrosoftSQLServer", "sql2019-ws2022", "standard-gen2", "Windows", "Windows Server 2022 Standard"),
    ];

    private readonly object _lock = new();
    private readonly List<EstateSubscription> _subscriptions = [];

    public AzureEstate(AzureSimulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var random = new Random(options.Seed);
        for (var s = 0; s < options.SubscriptionCount; s++)
        {
            var id = Guid(random);
            var name = s == 0 ? "Region Produktion" : s == 1 ? "Region Test och utveckling" : $"Region Prenumeration {s + 1}";
            _subscriptions.Add(new EstateSubscription(id, name));
        }

        var total = 0;
        var round = 0;
        while (total < options.ResourceCount)
        {
            foreach (var (system, forvaltning) in Systems)
            {
                if (total >= options.ResourceCount)
                {
                    break;
                }

                // Later rounds are further projects of the same system, so every group name stays unique.
                var env = round switch { 0 => "prod", 1 => "test", 2 => "utv", _ => $"proj{round - 2}" };
                var subscription = _subscriptions[(Array.IndexOf(Systems, (system, forvaltning)) + round) % _subscriptions.Count];
                total += AddSystem(subscription, random, system, forvaltning, env, options.ResourceCount - total);
            }

            round++;
        }
    }

    public IReadOnlyList<EstateSubscription> Subscriptions => _subscriptions;

    public int ResourceCount
    {
        get
        {
            lock (_lock)
            {
                return _subscriptions.Sum(s => s.Resources.Count);
            }
        }
    }

    public EstateSubscription? Subscription(string id) =>
        _subscriptions.FirstOrDefault(s => string.Equals(s.Id, id, StringComparison.OrdinalIgnoreCase));

    /// <summary>All resources of a subscription, in a stable order (a snapshot: safe to page over).</summary>
    public IReadOnlyList<EstateResource> Resources(EstateSubscription subscription)
    {
        lock (_lock)
        {
            return [.. subscription.Resources];
        }
    }

    /// <summary>Removes a resource (by id, case-insensitive) as if someone deleted it in the portal.</summary>
    public bool Remove(string id)
    {
        lock (_lock)
        {
            foreach (var subscription in _subscriptions)
            {
                if (subscription.Resources.RemoveAll(r => string.Equals(r.Id, id, StringComparison.OrdinalIgnoreCase)) > 0)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>Adds resources of one system in one environment; returns how many.</summary>
    private static int AddSystem(EstateSubscription subscription, Random random, string system, string forvaltning, string env, int room)
    {
        var slug = Slug(system);
        var location = Locations[random.Next(Locations.Length)];
        var groupName = $"rg-{slug}-{env}";
        var tags = new Dictionary<string, string>
        {
            ["System"] = system,
            ["Förvaltning"] = forvaltning,
            ["Miljö"] = env.StartsWith("proj", StringComparison.Ordinal) ? "utv" : env,
            ["Kostnadsställe"] = (4100 + random.Next(900)).ToString(CultureInfo.InvariantCulture),
        };
        if (subscription.Groups.All(g => g.Name != groupName))
        {
            subscription.Groups.Add(new EstateGroup(groupName, location, tags));
        }

        var group = $"/subscriptions/{subscription.Id}/resourceGroups/{groupName}";
        var before = subscription.Resources.Count;
        var created = new DateTimeOffset(2019, 3, 1, 8, 0, 0, TimeSpan.Zero).AddMinutes(random.Next(60 * 24 * 1500));
        // Whole VMs (with their disks) and whole platform groups: the estate may overshoot the count by a few.
        void Add(EstateResource resource) => subscription.Resources.Add(resource);

        // Half the systems run on VMs (lifted from on-prem), the rest on platform services.
        if (random.Next(2) == 0)
        {
            var vmCount = 1 + random.Next(4);
            for (var i = 1; i <= vmCount && subscription.Resources.Count - before < room; i++)
            {
                var role = i == vmCount && vmCount > 1 ? "db" : "app";
                var name = $"{slug}-{env[0]}-{role}{i:00}";
                foreach (var resource in Vm(random, group, name, location, tags, created))
                {
                    Add(resource);
                }
            }
        }
        else
        {
            var plan = Generic(group, "Microsoft.Web/serverfarms", $"asp-{slug}-{env}", location, tags, created, kind: "app",
                sku: new JsonObject { ["name"] = "P1v3", ["tier"] = "PremiumV3", ["size"] = "P1v3", ["family"] = "Pv3", ["capacity"] = 1 });
            Add(plan);
            for (var i = 1; i <= 1 + random.Next(2); i++)
            {
                Add(Generic(group, "Microsoft.Web/sites", $"app-{slug}-{env}-{i}", location, tags, created, kind: "app"));
            }

            var server = $"sql-{slug}-{env}";
            Add(Generic(group, "Microsoft.Sql/servers", server, location, tags, created, kind: "v12.0"));
            Add(Generic(group, "Microsoft.Sql/servers/databases", $"{server}/{slug}db", location, tags, created, kind: "v12.0,user,vcore",
                sku: new JsonObject { ["name"] = "GP_Gen5", ["tier"] = "GeneralPurpose", ["family"] = "Gen5", ["capacity"] = 2 }));
            var account = $"st{slug.Replace("-", "", StringComparison.Ordinal)}{env}";
            Add(Generic(group, "Microsoft.Storage/storageAccounts", account[..Math.Min(24, account.Length)],
                location, tags, created, kind: "StorageV2", sku: new JsonObject { ["name"] = "Standard_ZRS", ["tier"] = "Standard" }));
            if (random.Next(6) == 0)
            {
                Add(Generic(group, "Microsoft.ContainerService/managedClusters", $"aks-{slug}-{env}", location, tags, created,
                    sku: new JsonObject { ["name"] = "Base", ["tier"] = "Standard" }));
            }
        }

        return subscription.Resources.Count - before;
    }

    private static IEnumerable<EstateResource> Vm(Random random, string group, string name, string location, Dictionary<string, string> tags, DateTimeOffset created)
    {
        var id = $"{group}/providers/Microsoft.Compute/virtualMachines/{name}";
        var size = VmSizes[random.Next(VmSizes.Length)];
        var image = Images[random.Next(Images.Length)];
        var zone = random.Next(4) == 0 ? null : (1 + random.Next(3)).ToString(CultureInfo.InvariantCulture);
        var power = random.Next(10) switch { 0 => "deallocated", 1 => "stopped", _ => "running" };
        var windows = image.OsType == "Windows";
        var diskSku = random.Next(3) == 0 ? "StandardSSD_LRS" : "Premium_LRS";

        var osDiskName = $"{name}_OsDisk_1";
        var osDiskId = $"{group}/providers/Microsoft.Compute/disks/{osDiskName}";
        var osSize = windows ? 127 : 30;
        var disks = new List<EstateResource> { Disk(osDiskId, osDiskName, location, tags, id, diskSku, osSize, image.OsType, created) };
        var dataDisks = new JsonArray();
        for (var lun = 0; lun < random.Next(3); lun++)
        {
            var diskName = $"{name}_DataDisk_{lun}";
            var diskId = $"{group}/providers/Microsoft.Compute/disks/{diskName}";
            var diskSize = new[] { 64, 128, 256, 512, 1024 }[random.Next(5)];
            disks.Add(Disk(diskId, diskName, location, tags, id, diskSku, diskSize, null, created));
            dataDisks.Add(new JsonObject
            {
                ["lun"] = lun,
                ["name"] = diskName,
                ["createOption"] = "Attach",
                ["caching"] = "ReadOnly",
                ["managedDisk"] = new JsonObject { ["storageAccountType"] = diskSku, ["id"] = diskId },
                ["diskSizeGB"] = diskSize,
            });
        }

        var nicId = $"{group}/providers/Microsoft.Network/networkInterfaces/{name}-nic";
        var properties = new JsonObject
        {
            ["vmId"] = Guid(random),
            ["hardwareProfile"] = new JsonObject { ["vmSize"] = size },
            ["storageProfile"] = new JsonObject
            {
                ["imageReference"] = new JsonObject
                {
                    ["publisher"] = image.Publisher,
                    ["offer"] = image.Offer,
                    ["sku"] = image.Sku,
                    ["version"] = "latest",
                    ["exactVersion"] = $"{17763 + random.Next(3000)}.{random.Next(9000)}.2409{random.Next(10, 30)}",
                },
                ["osDisk"] = new JsonObject
                {
                    ["osType"] = image.OsType,
                    ["name"] = osDiskName,
                    ["createOption"] = "FromImage",
                    ["caching"] = "ReadWrite",
                    ["managedDisk"] = new JsonObject { ["storageAccountType"] = diskSku, ["id"] = osDiskId },
                    // The VM model often lags a resize; the disks list has the truth.
                    ["diskSizeGB"] = osSize,
                },
                ["dataDisks"] = dataDisks,
            },
            ["osProfile"] = new JsonObject { ["computerName"] = name.ToUpperInvariant().Replace("-", "", StringComparison.Ordinal), ["adminUsername"] = "regionadmin" },
            ["networkProfile"] = new JsonObject { ["networkInterfaces"] = new JsonArray(new JsonObject { ["id"] = nicId }) },
            ["provisioningState"] = "Succeeded",
            ["timeCreated"] = created.ToString("O", CultureInfo.InvariantCulture),
        };
        if (windows && random.Next(2) == 0)
        {
            properties["licenseType"] = "Windows_Server";
        }

        var model = new JsonObject
        {
            ["name"] = name,
            ["id"] = id,
            ["type"] = "Microsoft.Compute/virtualMachines",
            ["location"] = location,
            ["tags"] = TagJson(tags),
            ["properties"] = properties,
        };
        if (zone is not null)
        {
            model["zones"] = new JsonArray(zone);
        }

        var instanceView = new JsonObject
        {
            ["computerName"] = properties["osProfile"]!["computerName"]!.GetValue<string>(),
            ["osName"] = image.OsName,
            ["osVersion"] = windows ? "10.0.17763.6414" : image.Publisher == "Canonical" ? "22.04" : "8.6",
            ["statuses"] = new JsonArray(
                new JsonObject { ["code"] = "ProvisioningState/succeeded", ["level"] = "Info", ["displayStatus"] = "Provisioning succeeded" },
                new JsonObject { ["code"] = $"PowerState/{power}", ["level"] = "Info", ["displayStatus"] = $"VM {power}" }),
        };

        var generic = Generic(group, "Microsoft.Compute/virtualMachines", name, location, tags, created);
        yield return generic with { Vm = model, InstanceView = instanceView, Zones = zone };
        foreach (var disk in disks)
        {
            yield return disk;
        }

        yield return Generic(group, "Microsoft.Network/networkInterfaces", $"{name}-nic", location, tags, created);
    }

    private static EstateResource Disk(string id, string name, string location, Dictionary<string, string> tags, string vmId, string sku, int sizeGb, string? osType, DateTimeOffset created)
    {
        var group = id[..id.IndexOf("/providers/", StringComparison.Ordinal)];
        var generic = Generic(group, "Microsoft.Compute/disks", name, location, tags, created, sku: new JsonObject { ["name"] = sku, ["tier"] = sku.StartsWith("Premium", StringComparison.Ordinal) ? "Premium" : "Standard" }, managedBy: vmId);
        var properties = new JsonObject
        {
            ["creationData"] = new JsonObject { ["createOption"] = osType is null ? "Empty" : "FromImage" },
            ["diskSizeGB"] = sizeGb,
            ["diskSizeBytes"] = sizeGb * 1024L * 1024 * 1024,
            ["diskState"] = "Attached",
            ["provisioningState"] = "Succeeded",
            ["timeCreated"] = created.ToString("O", CultureInfo.InvariantCulture),
        };
        if (osType is not null)
        {
            properties["osType"] = osType;
        }

        return generic with
        {
            Disk = new JsonObject
            {
                ["name"] = name,
                ["id"] = id,
                ["type"] = "Microsoft.Compute/disks",
                ["location"] = location,
                ["tags"] = TagJson(tags),
                ["managedBy"] = vmId,
                ["sku"] = new JsonObject { ["name"] = sku, ["tier"] = sku.StartsWith("Premium", StringComparison.Ordinal) ? "Premium" : "Standard" },
                ["properties"] = properties,
            },
        };
    }

    private static EstateResource Generic(string group, string type, string name, string location, Dictionary<string, string> tags, DateTimeOffset created,
        string? kind = null, JsonObject? sku = null, string? managedBy = null)
    {
        var id = $"{group}/providers/{type.Split('/')[0]}/{type.Split('/')[1]}/{name.Split('/')[0]}"
            + (type.Split('/').Length > 2 ? $"/{type.Split('/')[2]}/{name.Split('/')[1]}" : "");
        var json = new JsonObject
        {
            ["id"] = id,
            ["name"] = name,
            ["type"] = type,
            ["location"] = location,
            ["tags"] = TagJson(tags),
        };
        if (kind is not null)
        {
            json["kind"] = kind;
        }

        if (sku is not null)
        {
            json["sku"] = sku;
        }

        if (managedBy is not null)
        {
            json["managedBy"] = managedBy;
        }

        return new EstateResource(id, type, json, created.ToString("O", CultureInfo.InvariantCulture));
    }

    private static JsonObject TagJson(Dictionary<string, string> tags) =>
        new([.. tags.Select(t => KeyValuePair.Create(t.Key, (JsonNode?)JsonValue.Create(t.Value)))]);

    private static string Slug(string system) =>
        new string([.. system.ToLowerInvariant().Replace(' ', '-').Select(c => c switch { 'å' or 'ä' => 'a', 'ö' => 'o', _ => c })]);

    private static string Guid(Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes).ToString();
    }
}
