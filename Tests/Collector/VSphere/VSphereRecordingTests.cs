using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Sourcing.Collector.Inventory;
using Sourcing.Collector.Sources;
using Sourcing.Collector.VSphere;
using Sourcing.Tests.Simulators.VCenter;
using Sourcing.Tests.Support;

namespace Sourcing.Tests.Collector.VSphere;

/// <summary>The client and the mapper on responses recorded from real vCenters (../shared/fixtures/vsphere/recorded).</summary>
public sealed class VSphereRecordingTests
{
    private static readonly string Ansible = RepoPaths.Fixture("vsphere", "recorded", "ansible-vmware_rest-task_outputs-2021-05-05");
    private static readonly string WireMock = RepoPaths.Fixture("vsphere", "recorded", "sdk-rest-wiremock-2017");

    /// <summary>The Ansible module wraps each raw /api body as {"value": body, "changed": ...}.</summary>
    private static JsonObject AnsibleBody(string task) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(Ansible, task + ".result.json")))!["value"]!.DeepClone().AsObject();

    [Fact]
    public void MapVm_AnsibleApiVmInfo_MapsFields()
    {
        var info = VSphereMapper.NormalizeMaps(AnsibleBody("Collect_information_about_a_specific_VM"));
        var summary = VmSummary.From(JsonNode.Parse("""{"vm":"vm-1072","name":"test_vm1","power_state":"POWERED_OFF","cpu_count":1,"memory_size_MiB":1024}""")!.AsObject());

        var vm = VSphereMapper.MapVm(new VmDetails(summary, info, null, false), new VmPlacement("my_dc", "my_cluster", "esxi1.test", "/my_dc/vm"), new Dictionary<string, string>());

        Assert.Equal("vm-1072", vm.ExternalId);
        Assert.Equal(ResourceKinds.Vm, vm.Kind);
        Assert.Equal("test_vm1", vm.Name);
        Assert.Equal("off", vm.PowerState);
        Assert.Equal(1, vm.CpuCount);
        Assert.Equal(1024, vm.MemoryMib);
        Assert.Equal(16m, vm.StorageGib); // one 17179869184-byte disk
        Assert.Equal("DEBIAN_8_64", vm.GuestOs);
        Assert.Equal("linux", vm.OsFamily);
        Assert.Equal("8", vm.OsVersion);
        Assert.Equal("VMX_11", (string?)vm.Attributes["hardware_version"]);
        Assert.Equal("502641dc-ab55-1b41-99c8-57d7e616af83", (string?)vm.Attributes["instance_uuid"]);
        Assert.Equal("rw_datastore", (string?)vm.Attributes["disks"]![0]!["datastore"]);
        Assert.Equal(false, (bool?)vm.Attributes["tools_running"]);
    }

    [Fact]
    public void MapVm_LibcloudRestVmInfo_NormalizesKeyValueMaps()
    {
        var body = JsonNode.Parse(File.ReadAllText(RepoPaths.Fixture("vsphere", "recorded", "libcloud-vsphere-rest", "node_80.json")))!["value"]!.DeepClone().AsObject();
        var list = JsonNode.Parse(File.ReadAllText(RepoPaths.Fixture("vsphere", "recorded", "libcloud-vsphere-rest", "list_nodes.json")))!["value"]![0]!.DeepClone().AsObject();

        var vm = VSphereMapper.MapVm(
            new VmDetails(VmSummary.From(list), VSphereMapper.NormalizeMaps(body), null, null),
            new VmPlacement(null, null, null, null),
            new Dictionary<string, string>());

        Assert.Equal("vm-80", vm.ExternalId);
        Assert.Equal("vCenter", vm.Name);
        Assert.Equal("on", vm.PowerState);
        Assert.Equal(4, vm.CpuCount);
        Assert.Equal(19456, vm.MemoryMib);
        Assert.Equal(16, vm.Attributes["disks"]!.AsArray().Count);
        Assert.Equal(498.142m, vm.StorageGib);
        Assert.Equal("linux", vm.OsFamily); // OTHER_3X_LINUX_64
        Assert.Equal("52ff53d6-8ea3-7ecc-353f-2a493466600c", (string?)vm.Attributes["instance_uuid"]);
    }

    [Fact]
    public void ToolsNotRunning_RecordedIdentity503_Recognised()
    {
        var error = AnsibleBody("Get_guest_identity_information");

        Assert.Equal("SERVICE_UNAVAILABLE", error["error_type"]!.ToString());
        Assert.True(VSphereClient.IsToolsNotRunning(error.ToJsonString()));
        Assert.False(VSphereClient.IsToolsNotRunning("""{"error_type":"SERVICE_UNAVAILABLE","messages":[{"id":"com.vmware.vapi.endpoint.failedToConnect","default_message":"down","args":[]}]}"""));
    }

    /// <summary>
    /// VMware's WireMock recording of a vCenter 6.5 (/rest only) replayed on HTTPS: the client
    /// falls back from /api, logs in, unwraps {"value": ...} and parses the lists.
    /// </summary>
    [Fact]
    public async Task Client_WireMockRestRecording_FallsBackAndParses()
    {
        var mappings = Directory.GetFiles(Path.Combine(WireMock, "mappings"))
            .Select(f => JsonNode.Parse(File.ReadAllText(f))!)
            .ToList();
        using var certificate = SelfSignedCertificate.Create("replay");
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.UseHttps(certificate)));
        await using var app = builder.Build();
        app.Run(async context =>
        {
            // First mapping for the path and method (the recording has two identical folder answers).
            var mapping = mappings.FirstOrDefault(m =>
                m["request"]!["url"]!.ToString() == context.Request.Path.Value && m["request"]!["method"]!.ToString() == context.Request.Method);
            if (mapping is null)
            {
                context.Response.StatusCode = 404;
                return;
            }

            context.Response.StatusCode = (int)mapping["response"]!["status"]!;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(File.ReadAllText(Path.Combine(WireMock, "__files", mapping["response"]!["bodyFileName"]!.ToString())));
        });
        await app.StartAsync();
        var url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        await using var client = new VSphereClient(
            url, "administrator@vsphere.local", new Secret("x"), certificate.GetCertHashString(System.Security.Cryptography.HashAlgorithmName.SHA256),
            insecure: false, maxConcurrency: 2, new VSphereClientOptions(), TimeProvider.System, NullLogger.Instance);
        await client.LoginAsync(CancellationToken.None);

        Assert.Equal(VSphereApiFlavor.Rest, client.Flavor);
        var vms = (await client.GetAsync(VSpherePaths.List(client.Flavor, "vm"), CancellationToken.None))!.AsArray()
            .Select(v => VmSummary.From(v!.AsObject())).ToList();
        Assert.Equal(7, vms.Count);
        var exhaustive = vms.Single(v => v.Vm == "vm-79");
        Assert.Equal("Sample_Exhaustive_VM_for_Simple_Testbed", exhaustive.Name);
        Assert.Equal(2, exhaustive.CpuCount);
        Assert.Equal(2048, exhaustive.MemoryMib);
        Assert.Equal("off", VSphereMapper.PowerState(exhaustive.PowerState));
        var hosts = (await client.GetAsync(VSpherePaths.List(client.Flavor, "host"), CancellationToken.None))!.AsArray();
        Assert.Equal(["10.162.62.228", "10.162.49.119"], hosts.Select(h => h!["name"]!.ToString()));
        var datacenters = (await client.GetAsync(VSpherePaths.List(client.Flavor, "datacenter"), CancellationToken.None))!.AsArray();
        Assert.Contains(datacenters, d => d!["datacenter"]!.ToString() == "datacenter-2" && d["name"]!.ToString() == "vcqaDC");
        await client.LogoutAsync(CancellationToken.None);
        Assert.False(client.LoggedIn);
        Assert.Equal(6, client.Calls); // /api/session 404, /rest session, 3 lists, logout
        await app.StopAsync();
    }
}
