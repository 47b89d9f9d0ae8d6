using System.Globalization;
using System.Text.Json.Nodes;
using Azure.Core;
using Azure.ResourceManager.Compute;
using Azure.ResourceManager.Compute.Models;
using Azure.ResourceManager.Resources;
using Sourcing.Collector.Inventory;

namespace Sourcing.Collector.Azure;

/// <summary>Maps what Resource Manager returned into the common <see cref="ResourceRecord"/> shape.</summary>
internal static class AzureResourceMapper
{
    public const string VmType = "Microsoft.Compute/virtualMachines";
    public const string DiskType = "Microsoft.Compute/disks";

    /// <summary>License types that mean Azure Hybrid Benefit (the customer brings its own licence).</summary>
    private static readonly HashSet<string> HybridBenefitLicenses = new(StringComparer.OrdinalIgnoreCase)
    {
        "Windows_Server", "Windows_Client", "RHEL_BYOS", "SLES_BYOS",
    };

    /// <summary>Every resource of the subscription: VMs from the generic list and the VM list joined by id.</summary>
    public static List<ResourceRecord> Map(AzureSubscriptionInventory inventory)
    {
        var records = new List<ResourceRecord>(inventory.Resources.Count);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var resource in inventory.Resources)
        {
            var id = resource.Id.ToString();
            if (!seen.Add(id))
            {
                continue; // a page boundary that moved while listing can repeat an item
            }

            var isVm = string.Equals(resource.ResourceType.ToString(), VmType, StringComparison.OrdinalIgnoreCase);
            if (isVm)
            {
                inventory.Vms.TryGetValue(id.ToLowerInvariant(), out var vm);
                records.Add(MapVm(inventory, id, resource, vm));
            }
            else
            {
                records.Add(MapCloud(inventory, resource));
            }
        }

        // A VM created between the generic list and the VM list: still a VM of the estate.
        foreach (var (id, vm) in inventory.Vms)
        {
            if (seen.Add(id))
            {
                records.Add(MapVm(inventory, vm.Id.ToString(), null, vm));
            }
        }

        return records;
    }

    public static ResourceRecord MapVm(AzureSubscriptionInventory inventory, string id, GenericResourceData? resource, VirtualMachineData? vm)
    {
        var resourceId = new ResourceIdentifier(id);
        var key = id.ToLowerInvariant();
        inventory.VmStatus.TryGetValue(key, out var status);
        status ??= vm?.InstanceView;

        var attributes = CommonAttributes(inventory, resourceId, resource);
        int? cpu = null;
        long? memory = null;
        decimal? storage = null;
        string? guestOs = null, osVersion = null, osFamily = null;

        if (vm is not null)
        {
            var sizeName = vm.HardwareProfile?.VmSize?.ToString();
            var size = AzureVmSizes.Find(sizeName);
            cpu = size?.VCpus;
            memory = size?.MemoryMib;
            attributes["vmSize"] = sizeName;
            attributes["vmSizeKnown"] = size is not null;
            attributes["vmId"] = vm.VmId;
            attributes["provisioningState"] ??= vm.ProvisioningState;
            attributes["timeCreated"] = vm.TimeCreated?.ToString("O", CultureInfo.InvariantCulture);
            attributes["licenseType"] = vm.LicenseType;
            attributes["hybridBenefit"] = vm.LicenseType is not null && HybridBenefitLicenses.Contains(vm.LicenseType);
            if (vm.Zones.Count > 0)
            {
                attributes["availabilityZone"] = string.Join(",", vm.Zones);
            }

            var image = vm.StorageProfile?.ImageReference;
            if (image is not null)
            {
                attributes["image"] = new JsonObject
                {
                    ["publisher"] = image.Publisher,
                    ["offer"] = image.Offer,
                    ["sku"] = image.Sku,
                    ["version"] = image.ExactVersion ?? image.Version,
                    ["id"] = image.Id?.ToString(),
                };
            }

            (guestOs, osVersion, osFamily) = AzureImageNames.Describe(image);
            var osType = vm.StorageProfile?.OSDisk?.OSType?.ToString();
            if (osType is not null)
            {
                osFamily = osType.ToLowerInvariant();
                attributes["osType"] = osType;
            }

            var disks = new JsonArray();
            decimal total = 0;
            var anySize = false;
            var osDisk = vm.StorageProfile?.OSDisk;
            if (osDisk is not null)
            {
                var disk = Disk(inventory, "os", null, osDisk.Name, osDisk.ManagedDisk, osDisk.DiskSizeGB);
                disks.Add(disk.Json);
                total += disk.SizeGib ?? 0;
                anySize |= disk.SizeGib is not null;
            }

            foreach (var dataDisk in vm.StorageProfile?.DataDisks ?? [])
            {
                var disk = Disk(inventory, "data", dataDisk.Lun, dataDisk.Name, dataDisk.ManagedDisk, dataDisk.DiskSizeGB);
                disks.Add(disk.Json);
                total += disk.SizeGib ?? 0;
                anySize |= disk.SizeGib is not null;
            }

            attributes["disks"] = disks;
            storage = anySize ? total : null;
            attributes["computerName"] = vm.OSProfile?.ComputerName;
        }

        if (status is not null)
        {
            // The guest agent's own report beats the image name when the VM runs.
            guestOs = status.OSName ?? guestOs;
            osVersion = status.OSVersion ?? osVersion;
            attributes["computerName"] ??= status.ComputerName;
            var power = status.Statuses.FirstOrDefault(s => s.Code?.StartsWith("PowerState/", StringComparison.OrdinalIgnoreCase) == true)?.Code;
            attributes["powerStateCode"] = power;
        }

        return new ResourceRecord
        {
            ExternalId = key,
            Kind = ResourceKinds.Vm,
            Name = resourceId.Name,
            SubscriptionId = inventory.SubscriptionId,
            ResourceGroup = resourceId.ResourceGroupName,
            ResourceType = VmType,
            Location = resource?.Location.Name ?? vm?.Location.Name,
            PowerState = PowerState(status),
            GuestOs = guestOs,
            OsFamily = osFamily,
            OsVersion = osVersion,
            CpuCount = cpu,
            MemoryMib = memory,
            StorageGib = storage,
            Tags = Tags(resource?.Tags ?? vm?.Tags),
            Attributes = Compact(attributes),
            Raw = (JsonNode?)inventory.Raw(AzureLists.Vms, key) ?? inventory.Raw(AzureLists.Resources, key),
        };
    }

    public static ResourceRecord MapCloud(AzureSubscriptionInventory inventory, GenericResourceData resource)
    {
        var id = resource.Id.ToString();
        var key = id.ToLowerInvariant();
        var attributes = CommonAttributes(inventory, resource.Id, resource);
        decimal? storage = null;
        if (string.Equals(resource.ResourceType.ToString(), DiskType, StringComparison.OrdinalIgnoreCase)
            && inventory.Disks.TryGetValue(key, out var disk))
        {
            storage = disk.DiskSizeGB;
            attributes["diskSizeGb"] = disk.DiskSizeGB;
            attributes["diskSku"] = disk.Sku?.Name?.ToString();
            attributes["diskState"] = disk.DiskState?.ToString();
            attributes["osType"] = disk.OSType?.ToString();
            attributes["managedBy"] ??= disk.ManagedBy?.ToString().ToLowerInvariant();
        }

        return new ResourceRecord
        {
            ExternalId = key,
            Kind = ResourceKinds.CloudResource,
            Name = resource.Name,
            SubscriptionId = inventory.SubscriptionId,
            ResourceGroup = resource.Id.ResourceGroupName,
            ResourceType = resource.ResourceType.ToString(),
            Location = resource.Location.Name,
            StorageGib = storage,
            Tags = Tags(resource.Tags),
            Attributes = Compact(attributes),
            Raw = inventory.Raw(AzureLists.Resources, key),
        };
    }

    /// <summary>"on", "off", "suspended" or null, from the instance view's PowerState/... code.</summary>
    public static string? PowerState(VirtualMachineInstanceView? status) =>
        PowerState(status?.Statuses.FirstOrDefault(s => s.Code?.StartsWith("PowerState/", StringComparison.OrdinalIgnoreCase) == true)?.Code);

    /// <summary>The same from a bare "PowerState/running" code (Resource Graph's instance view).</summary>
    public static string? PowerState(string? code)
    {
        if (code is null || !code.StartsWith("PowerState/", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return code["PowerState/".Length..].ToLowerInvariant() switch
        {
            "running" or "starting" => "on",
            "stopped" or "stopping" or "deallocated" or "deallocating" => "off",
            "hibernated" => "suspended",
            _ => null,
        };
    }

    private static (JsonObject Json, decimal? SizeGib) Disk(
        AzureSubscriptionInventory inventory, string role, int? lun, string? name, VirtualMachineManagedDisk? managed, int? sizeInVm)
    {
        ManagedDiskData? data = null;
        if (managed?.Id is not null)
        {
            inventory.Disks.TryGetValue(managed.Id.ToString().ToLowerInvariant(), out data);
        }

        // The disks list is the truth (a resized disk shows there first); the VM model is the fallback.
        decimal? size = data?.DiskSizeGB ?? sizeInVm;
        var json = new JsonObject
        {
            ["role"] = role,
            ["name"] = name ?? data?.Name,
            ["sizeGib"] = size,
            ["sku"] = data?.Sku?.Name?.ToString() ?? managed?.StorageAccountType?.ToString(),
            ["id"] = managed?.Id?.ToString().ToLowerInvariant(),
        };
        if (lun is not null)
        {
            json["lun"] = lun;
        }

        return (json, size);
    }

    private static JsonObject CommonAttributes(AzureSubscriptionInventory inventory, ResourceIdentifier id, GenericResourceData? resource)
    {
        var attributes = new JsonObject
        {
            ["subscriptionName"] = inventory.SubscriptionName,
        };
        if (resource is not null)
        {
            attributes["kind"] = resource.Kind;
            attributes["provisioningState"] = resource.ProvisioningState;
            attributes["createdTime"] = resource.CreatedOn?.ToString("O", CultureInfo.InvariantCulture);
            attributes["changedTime"] = resource.ChangedOn?.ToString("O", CultureInfo.InvariantCulture);
            attributes["managedBy"] = resource.ManagedBy?.ToLowerInvariant();
            if (resource.Sku is { } sku)
            {
                attributes["sku"] = Compact(new JsonObject
                {
                    ["name"] = sku.Name,
                    ["tier"] = sku.Tier,
                    ["size"] = sku.Size,
                    ["family"] = sku.Family,
                    ["capacity"] = sku.Capacity,
                });
            }
        }

        if (id.ResourceGroupName is { } group
            && inventory.ResourceGroupTags.TryGetValue(group.ToLowerInvariant(), out var groupTags)
            && groupTags.Count > 0)
        {
            attributes["resourceGroupTags"] = new JsonObject([.. groupTags.OrderBy(t => t.Key, StringComparer.Ordinal)
                .Select(t => KeyValuePair.Create(t.Key, (JsonNode?)JsonValue.Create(t.Value)))]);
        }

        return attributes;
    }

    private static Dictionary<string, string> Tags(IDictionary<string, string>? tags) =>
        tags is null ? [] : new Dictionary<string, string>(tags, StringComparer.Ordinal);

    /// <summary>Drops null members so unchanged resources hash the same whatever the SDK left unset.</summary>
    private static JsonObject Compact(JsonObject json)
    {
        foreach (var name in json.Where(p => p.Value is null).Select(p => p.Key).ToList())
        {
            json.Remove(name);
        }

        return json;
    }
}
