using System.Text.Json.Nodes;
using Azure.Core.Pipeline;
using Sourcing.Collector.Inventory;
using Sourcing.Collector.Sources;

namespace Sourcing.Tests.Collector.Azure;

/// <summary>The real SDK and the mapping against Microsoft's published example responses.</summary>
public sealed class AzurePublishedExamplesTests
{
    private const string Subscription = "291bba3f-e0a5-47bc-a099-3bdcb2a50a05";

    private static SourceDefinition Source(params string[] subscriptions) => new()
    {
        Name = "azure-examples",
        Kind = "azure",
        Secret = new Secret("replay-secret"),
        Settings = new JsonObject
        {
            ["tenantId"] = "31c75423-32d6-4322-88b7-c478bdde4858",
            ["clientId"] = "00000000-0000-0000-0000-000000000001",
            ["subscriptions"] = new JsonArray([.. subscriptions.Select(s => (JsonNode?)JsonValue.Create(s))]),
        },
    };

    private static async Task<(CollectResult Result, FixtureReplayHandler Handler)> CollectAsync(SourceDefinition source, bool fillUriPlaceholders = true)
    {
        var handler = new FixtureReplayHandler(fillUriPlaceholders);
        var collector = AzureTestSources.Collector(_ => new HttpClientTransport(new HttpClient(handler)));
        var result = await collector.CollectAsync(source, new RecordingProgress(), CancellationToken.None);
        return (result, handler);
    }

    [Fact]
    public async Task Collect_VirtualMachineGetExample_MapsSizeImageDisksAndPowerState()
    {
        var (result, _) = await CollectAsync(Source(Subscription));

        Assert.True(result.Complete, string.Join("; ", result.Errors));
        var vm = result.Resources.Single(r => r.Kind == ResourceKinds.Vm);
        Assert.Equal("myVM", vm.Name);
        Assert.Equal($"/subscriptions/{Subscription}/resourcegroups/myresourcegroup/providers/microsoft.compute/virtualmachines/myvm", vm.ExternalId);
        Assert.Equal(Subscription, vm.SubscriptionId);
        Assert.Equal("myResourceGroup", vm.ResourceGroup);
        Assert.Equal("Microsoft.Compute/virtualMachines", vm.ResourceType);
        Assert.Equal("westus", vm.Location);
        // Standard_DS3_v2: 4 vCPUs, 14 GiB.
        Assert.Equal("Standard_DS3_v2", vm.Attributes["vmSize"]!.GetValue<string>());
        Assert.Equal(4, vm.CpuCount);
        Assert.Equal(14 * 1024, vm.MemoryMib);
        // OS disk 30 + data disks 30 and 100 GB (none of them in the disks example, so from the VM model).
        Assert.Equal(160m, vm.StorageGib);
        var disks = vm.Attributes["disks"]!.AsArray();
        Assert.Equal(["os", "data", "data"], disks.Select(d => d!["role"]!.GetValue<string>()));
        Assert.Equal(["myOsDisk", "myDataDisk0", "myDataDisk1"], disks.Select(d => d!["name"]!.GetValue<string>()));
        Assert.All(disks, d => Assert.Equal("Premium_LRS", d!["sku"]!.GetValue<string>()));
        var image = vm.Attributes["image"]!;
        Assert.Equal("MicrosoftWindowsServer", image["publisher"]!.GetValue<string>());
        Assert.Equal("WindowsServer", image["offer"]!.GetValue<string>());
        Assert.Equal("2016-Datacenter", image["sku"]!.GetValue<string>());
        Assert.Equal("latest", image["version"]!.GetValue<string>());
        Assert.Equal("windows", vm.OsFamily);
        // The instance view example's guest agent report wins over the image name.
        Assert.Equal("Windows Server 2016 Datacenter", vm.GuestOs);
        Assert.Equal("Microsoft Windows NT 10.0.14393.0", vm.OsVersion);
        Assert.Equal("on", vm.PowerState);
        Assert.Equal("tagValue1", vm.Tags["myTag1"]);
        Assert.False(vm.Attributes["hybridBenefit"]!.GetValue<bool>());
        Assert.Equal("0f47b100-583c-48e3-a4c0-aefc2c9bbcc1", vm.Raw!["properties"]!["vmId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Collect_DiskListAndWebAppsExamples_MappedAsCloudResourcesAcrossNextLinkPages()
    {
        var (result, handler) = await CollectAsync(Source(Subscription));

        // Resources list page two and the disk example's own nextLink were both followed.
        Assert.Contains(handler.Requests, r => r.Contains("/resources?", StringComparison.Ordinal) && r.Contains("skiptoken=2", StringComparison.Ordinal));
        Assert.Contains(handler.Requests, r => r.Contains("/disks?", StringComparison.Ordinal) && r.Contains("skiptoken", StringComparison.Ordinal));
        var disks = result.Resources.Where(r => r.ResourceType == "Microsoft.Compute/disks").OrderBy(r => r.Name, StringComparer.Ordinal).ToList();
        Assert.Equal(["myManagedDisk1", "myManagedDisk2", "myManagedDisk3"], disks.Select(d => d.Name));
        Assert.Equal([200m, 10m, 200m], disks.Select(d => d.StorageGib));
        Assert.All(disks, d => Assert.Equal(ResourceKinds.CloudResource, d.Kind));
        Assert.Equal("Development", disks[0].Tags["department"]);
        var sites = result.Resources.Where(r => r.ResourceType == "Microsoft.Web/sites").ToList();
        Assert.Equal(2, sites.Count);
        Assert.All(sites, s => Assert.Equal("app", s.Attributes["kind"]!.GetValue<string>()));
        Assert.All(sites, s => Assert.Equal("eastus", s.Location));
        Assert.Equal(6, result.Resources.Count);
    }

    [Fact]
    public async Task Collect_GetSubscriptionsExample_ReadsEverySubscriptionListed()
    {
        var (result, handler) = await CollectAsync(Source());

        Assert.True(result.Complete);
        Assert.Equal(2, result.Resources.Select(r => r.SubscriptionId).Distinct().Count());
        Assert.Contains(result.Resources, r => r.SubscriptionId == "72ac930a-f34e-42d8-b06d-dc2a9e12ed71");
        Assert.Equal("Example Subscription", result.Resources.First(r => r.SubscriptionId == Subscription).Attributes["subscriptionName"]!.GetValue<string>());
        Assert.Equal(handler.Requests.Count(r => !r.Contains("oauth2", StringComparison.Ordinal) && !r.Contains("discovery", StringComparison.Ordinal)), result.Calls);
    }

    [Fact]
    public async Task Collect_ExampleWithUnparsableVmList_PartialWithTheOtherResourcesKept()
    {
        // The published VM example, unfilled, has "http://{myStorageAccount}.blob.core.windows.net":
        // Azure.ResourceManager.Compute 1.2.0 throws UriFormatException on it.
        var (result, _) = await CollectAsync(Source(Subscription), fillUriPlaceholders: false);

        Assert.False(result.Complete);
        Assert.Contains(result.Errors, e => e.Contains("virtual machines could not be parsed", StringComparison.Ordinal) && e.Contains(Subscription, StringComparison.Ordinal));
        var vm = Assert.Single(result.Resources, r => r.Kind == ResourceKinds.Vm);
        Assert.Null(vm.CpuCount);
        Assert.Equal(3, result.Resources.Count(r => r.ResourceType == "Microsoft.Compute/disks"));
    }
}
