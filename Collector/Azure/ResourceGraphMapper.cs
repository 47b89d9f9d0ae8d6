using System.Globalization;
using System.Text.Json.Nodes;
using Azure.Core;
using Sourcing.Collector.Inventory;

namespace Sourcing.Collector.Azure;

/// <summary>
/// Maps Resource Graph rows (the <see cref="ResourceGraphQueries.Inventory"/> projection) into the same
/// <see cref="ResourceRecord"/>s the list path makes from the Resource Manager lists: same columns,
/// same attributes in the same order. Resource Graph has no createdTime/changedTime (Resources_List
/// `$expand` only), so those two attributes are absent on this path; the raw JSON is the Resource Graph row.
/// </summary>
internal static class ResourceGraphMapper
{
    public const string SubscriptionType = "microsoft.resources/subscriptions";
    public const string ResourceGroupType = "microsoft.resources/subscriptions/resourcegroups";

    private static readonly HashSet<string> HybridBenefitLicenses = new(StringComparer.OrdinalIgnoreCase)
    {
        "Windows_Server", "Windows_Client", "RHEL_BYOS", "SLES_BYOS",
    };

    /// <summary>The rows of one subscription, containers (the subscription and its groups) included.</summary>
    public static List<ResourceRecord> Map(string subscriptionId, string? subscriptionName, IReadOnlyList<JsonObject> rows)
    {
        var groupTags = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        var disks = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        var resources = new List<JsonObject>(rows.Count);
        foreach (var row in rows)
        {
            var type = Text(row, "type");
            if (string.Equals(type, SubscriptionType, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (string.Equals(type, ResourceGroupType, StringComparison.OrdinalIgnoreCase))
            {
                if (Text(row, "name") is { } name && row["tags"] is JsonObject tags)
                {
                    groupTags[name.ToLowerInvariant()] = tags;
                }

                continue;
            }

            if (string.Equals(type, AzureResourceMapper.DiskType, StringComparison.OrdinalIgnoreCase) && Text(row, "id") is { } diskId)
            {
                disks[diskId.ToLowerInvariant()] = row;
            }

            resources.Add(row);
        }

        var context = new Context(subscriptionId, subscriptionName, groupTags, disks);
        var records = new List<ResourceRecord>(resources.Count);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in resources)
        {
            if (Text(row, "id") is not { } id || !seen.Add(id))
            {
                continue;
            }

            var isVm = string.Equals(Text(row, "type"), AzureResourceMapper.VmType, StringComparison.OrdinalIgnoreCase);
            records.Add(isVm ? MapVm(context, id, row) : MapCloud(context, id, row));
        }

        return records;
    }

    private sealed record Context(
        string SubscriptionId, string? SubscriptionName, Dictionary<string, JsonObject> GroupTags, Dictionary<string, JsonObject> Disks);

    private static ResourceRecord MapVm(Context context, string id, JsonObject row)
    {
        var resourceId = new ResourceIdentifier(id);
        var key = id.ToLowerInvariant();
        var properties = row["properties"] as JsonObject;
        var attributes = CommonAttributes(context, resourceId, row);

        var sizeName = Text(properties?["hardwareProfile"], "vmSize");
        var size = AzureVmSizes.Find(sizeName);
        attributes["vmSize"] = sizeName;
        attributes["vmSizeKnown"] = size is not null;
        attributes["vmId"] = Text(properties, "vmId");
        attributes["provisioningState"] ??= Text(properties, "provisioningState");
        attributes["timeCreated"] = Time(Text(properties, "timeCreated"));
        var license = Text(properties, "licenseType");
        attributes["licenseType"] = license;
        attributes["hybridBenefit"] = license is not null && HybridBenefitLicenses.Contains(license);
        if (row["zones"] is JsonArray { Count: > 0 } zones)
        {
            attributes["availabilityZone"] = string.Join(",", zones.Select(z => z?.ToString()));
        }

        var storageProfile = properties?["storageProfile"] as JsonObject;
        var image = storageProfile?["imageReference"] as JsonObject;
        if (image is not null)
        {
            attributes["image"] = new JsonObject
            {
                ["publisher"] = Text(image, "publisher"),
                ["offer"] = Text(image, "offer"),
                ["sku"] = Text(image, "sku"),
                ["version"] = Text(image, "exactVersion") ?? Text(image, "version"),
                ["id"] = Text(image, "id"),
            };
        }

        var (guestOs, osVersion, osFamily) = AzureImageNames.Describe(Text(image, "publisher"), Text(image, "offer"), Text(image, "sku"));
        var osDisk = storageProfile?["osDisk"] as JsonObject;
        if (Text(osDisk, "osType") is { } osType)
        {
            osFamily = osType.ToLowerInvariant();
            attributes["osType"] = osType;
        }

        var diskList = new JsonArray();
        decimal total = 0;
        var anySize = false;
        if (osDisk is not null)
        {
            var disk = Disk(context, "os", null, osDisk);
            diskList.Add(disk.Json);
            total += disk.SizeGib ?? 0;
            anySize |= disk.SizeGib is not null;
        }

        foreach (var dataDisk in (storageProfile?["dataDisks"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var disk = Disk(context, "data", Int(dataDisk, "lun"), dataDisk);
            diskList.Add(disk.Json);
            total += disk.SizeGib ?? 0;
            anySize |= disk.SizeGib is not null;
        }

        attributes["disks"] = diskList;
        attributes["computerName"] = Text(properties?["osProfile"], "computerName");

        // Resource Graph's own instance view: powerState always, the guest agent's OS report when it has one.
        var instanceView = properties?["extended"]?["instanceView"] as JsonObject;
        string? powerCode = null;
        if (instanceView is not null)
        {
            guestOs = Text(instanceView, "osName") ?? guestOs;
            osVersion = Text(instanceView, "osVersion") ?? osVersion;
            attributes["computerName"] ??= Text(instanceView, "computerName");
            powerCode = Text(instanceView["powerState"], "code");
            attributes["powerStateCode"] = powerCode;
        }

        return new ResourceRecord
        {
            ExternalId = key,
            Kind = ResourceKinds.Vm,
            Name = resourceId.Name,
            SubscriptionId = context.SubscriptionId,
            ResourceGroup = resourceId.ResourceGroupName,
            ResourceType = AzureResourceMapper.VmType,
            Location = Text(row, "location"),
            PowerState = AzureResourceMapper.PowerState(powerCode),
            GuestOs = guestOs,
            OsFamily = osFamily,
            OsVersion = osVersion,
            CpuCount = size?.VCpus,
            MemoryMib = size?.MemoryMib,
            StorageGib = anySize ? total : null,
            Tags = Tags(row["tags"] as JsonObject),
            Attributes = Compact(attributes),
            Raw = row,
        };
    }

    private static ResourceRecord MapCloud(Context context, string id, JsonObject row)
    {
        var resourceId = new ResourceIdentifier(id);
        var attributes = CommonAttributes(context, resourceId, row);
        decimal? storage = null;
        if (string.Equals(Text(row, "type"), AzureResourceMapper.DiskType, StringComparison.OrdinalIgnoreCase))
        {
            var properties = row["properties"] as JsonObject;
            var size = Int(properties, "diskSizeGB");
            storage = size;
            attributes["diskSizeGb"] = size;
            attributes["diskSku"] = Text(row["sku"], "name");
            attributes["diskState"] = Text(properties, "diskState");
            attributes["osType"] = Text(properties, "osType");
            attributes["managedBy"] ??= Text(row, "managedBy")?.ToLowerInvariant();
        }

        return new ResourceRecord
        {
            ExternalId = id.ToLowerInvariant(),
            Kind = ResourceKinds.CloudResource,
            Name = Text(row, "name") ?? resourceId.Name,
            SubscriptionId = context.SubscriptionId,
            ResourceGroup = resourceId.ResourceGroupName,
            // Resource Graph lower-cases `type`; the id keeps the provider's spelling, as the lists return it.
            ResourceType = resourceId.ResourceType.ToString(),
            Location = Text(row, "location"),
            StorageGib = storage,
            Tags = Tags(row["tags"] as JsonObject),
            Attributes = Compact(attributes),
            Raw = row,
        };
    }

    private static (JsonObject Json, decimal? SizeGib) Disk(Context context, string role, int? lun, JsonObject inVm)
    {
        var managed = inVm["managedDisk"] as JsonObject;
        var managedId = Text(managed, "id")?.ToLowerInvariant();
        JsonObject? data = null;
        if (managedId is not null)
        {
            context.Disks.TryGetValue(managedId, out data);
        }

        decimal? size = Int(data?["properties"], "diskSizeGB") ?? Int(inVm, "diskSizeGB");
        var json = new JsonObject
        {
            ["role"] = role,
            ["name"] = Text(inVm, "name") ?? Text(data, "name"),
            ["sizeGib"] = size,
            ["sku"] = Text(data?["sku"], "name") ?? Text(managed, "storageAccountType"),
            ["id"] = managedId,
        };
        if (lun is not null)
        {
            json["lun"] = lun;
        }

        return (json, size);
    }

    private static JsonObject CommonAttributes(Context context, ResourceIdentifier id, JsonObject row)
    {
        var attributes = new JsonObject
        {
            ["subscriptionName"] = context.SubscriptionName,
            ["kind"] = Text(row, "kind"),
            ["provisioningState"] = Text(row["properties"], "provisioningState"),
            ["managedBy"] = Text(row, "managedBy")?.ToLowerInvariant(),
        };
        if (row["sku"] is JsonObject sku)
        {
            attributes["sku"] = Compact(new JsonObject
            {
                ["name"] = Text(sku, "name"),
                ["tier"] = Text(sku, "tier"),
                ["size"] = Text(sku, "size"),
                ["family"] = Text(sku, "family"),
                ["capacity"] = Int(sku, "capacity"),
            });
        }

        if (id.ResourceGroupName is { } group
            && context.GroupTags.TryGetValue(group.ToLowerInvariant(), out var groupTags)
            && groupTags.Count > 0)
        {
            attributes["resourceGroupTags"] = new JsonObject([.. groupTags.OrderBy(t => t.Key, StringComparer.Ordinal)
                .Select(t => KeyValuePair.Create(t.Key, (JsonNode?)JsonValue.Create(t.Value?.ToString())))]);
        }

        return attributes;
    }

    /// <summary>A string member; Resource Graph answers "" for an absent kind or managedBy, which means none.</summary>
    private static string? Text(JsonNode? node, string name) =>
        node is JsonObject o && o[name] is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0 ? s : null;

    private static int? Int(JsonNode? node, string name) =>
        node is JsonObject o && o[name] is JsonValue v && v.TryGetValue<int>(out var i) ? i : null;

    /// <summary>The list path's round trip of a timestamp through DateTimeOffset, so both paths store the same text.</summary>
    private static string? Time(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)
            ? at.ToString("O", CultureInfo.InvariantCulture)
            : null;

    private static Dictionary<string, string> Tags(JsonObject? tags) =>
        tags is null ? [] : tags.Where(t => t.Value is not null).ToDictionary(t => t.Key, t => t.Value!.ToString(), StringComparer.Ordinal);

    private static JsonObject Compact(JsonObject json)
    {
        foreach (var name in json.Where(p => p.Value is null).Select(p => p.Key).ToList())
        {
            json.Remove(name);
        }

        return json;
    }
}
