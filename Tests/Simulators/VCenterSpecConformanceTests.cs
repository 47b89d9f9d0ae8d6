using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Sourcing.Tests.Simulators.VCenter;
using Sourcing.Tests.Support;

namespace Sourcing.Tests.Simulators;

/// <summary>The simulator's /api answers have the fields and types VMware's published 7.0.3 spec requires.</summary>
public sealed class VCenterSpecConformanceTests
{
    private static readonly Lazy<SwaggerSchemaChecker> Spec = new(() => SwaggerSchemaChecker.Load(
        RepoPaths.Fixture("vsphere", "openapi", "7.0.3", "vcenter.json"),
        RepoPaths.Fixture("vsphere", "openapi", "7.0.3", "cis.json")));

    [Fact]
    public async Task Api_InventoryAnswers_ConformToSpec()
    {
        await using var sim = await VCenterSimulator.StartAsync(new VCenterSimulatorOptions { Vms = 40, Seed = 11 });
        using var http = Client(sim);
        var token = await LoginAsync(http);
        http.DefaultRequestHeaders.Add("vmware-api-session-id", token);
        var onWithTools = sim.Estate.Vms.First(v => v.PowerState == "POWERED_ON" && v.ToolsRunning);

        var checks = new (string Path, string Definition, bool Array)[]
        {
            ("/api/vcenter/vm", "VcenterVMSummary", true),
            ("/api/vcenter/host", "VcenterHostSummary", true),
            ("/api/vcenter/cluster", "VcenterClusterSummary", true),
            ("/api/vcenter/datacenter", "VcenterDatacenterSummary", true),
            ("/api/vcenter/datastore", "VcenterDatastoreSummary", true),
            ("/api/vcenter/folder", "VcenterFolderSummary", true),
            ($"/api/vcenter/vm/{onWithTools.Id}", "VcenterVMInfo", false),
            ($"/api/vcenter/vm/{onWithTools.Id}/guest/identity", "VcenterVmGuestIdentityInfo", false),
            ($"/api/cis/tagging/category/{Uri.EscapeDataString(sim.Estate.Categories[0].Id)}", "CisTaggingCategoryModel", false),
            ($"/api/cis/tagging/tag/{Uri.EscapeDataString(sim.Estate.Tags[0].Id)}", "CisTaggingTagModel", false),
        };

        foreach (var (path, definition, isArray) in checks)
        {
            var body = await GetJsonAsync(http, path, HttpStatusCode.OK);
            var items = isArray ? body!.AsArray().ToList() : [body];
            Assert.NotEmpty(items);
            foreach (var item in items)
            {
                var problems = Spec.Value.Check(item, definition);
                Assert.True(problems.Count == 0, $"{path} vs {definition}:\n{string.Join('\n', problems)}");
            }
        }

        var request = new HttpRequestMessage(HttpMethod.Post, "/api/cis/tagging/tag-association?action=list-attached-objects-on-tags")
        {
            Content = new StringContent(new JsonObject { ["tag_ids"] = new JsonArray([.. sim.Estate.Tags.Take(5).Select(t => (JsonNode)t.Id)]) }.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        foreach (var entry in JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray())
        {
            Assert.Empty(Spec.Value.Check(entry, "CisTaggingTagAssociationTagToObjects"));
        }
    }

    [Fact]
    public async Task Api_DocumentedErrors_ConformToSpec()
    {
        await using var sim = await VCenterSimulator.StartAsync(new VCenterSimulatorOptions { Vms = 30, Seed = 12, VmListCap = 10 });
        using var http = Client(sim);
        http.DefaultRequestHeaders.Add("vmware-api-session-id", await LoginAsync(http));
        var noTools = sim.Estate.UpdateVm(sim.Estate.Vms[0].Id, v => v with { ToolsRunning = false });

        var tooMany = await GetJsonAsync(http, "/api/vcenter/vm", HttpStatusCode.InternalServerError);
        Assert.Empty(Spec.Value.Check(tooMany, "VapiStdErrorsUnableToAllocateResource"));
        Assert.Equal("UNABLE_TO_ALLOCATE_RESOURCE", tooMany!["error_type"]!.ToString());

        var toolsDown = await GetJsonAsync(http, $"/api/vcenter/vm/{noTools.Id}/guest/identity", HttpStatusCode.ServiceUnavailable);
        Assert.Empty(Spec.Value.Check(toolsDown, "VapiStdErrorsServiceUnavailable"));

        var missing = await GetJsonAsync(http, "/api/vcenter/vm/vm-999999", HttpStatusCode.NotFound);
        Assert.Empty(Spec.Value.Check(missing, "VapiStdErrorsNotFound"));

        http.DefaultRequestHeaders.Remove("vmware-api-session-id");
        var unauthenticated = await GetJsonAsync(http, "/api/vcenter/vm", HttpStatusCode.Unauthorized);
        Assert.Empty(Spec.Value.Check(unauthenticated, "VapiStdErrorsUnauthenticated"));
    }

    [Fact]
    public async Task Api_DefaultCap_4000ListedAnd4001Refused()
    {
        await using var sim = await VCenterSimulator.StartAsync(new VCenterSimulatorOptions { Vms = 4001, Seed = 13 });
        using var http = Client(sim);
        http.DefaultRequestHeaders.Add("vmware-api-session-id", await LoginAsync(http));

        await GetJsonAsync(http, "/api/vcenter/vm", HttpStatusCode.InternalServerError);
        sim.Estate.DeleteVm(sim.Estate.Vms[^1].Id);
        var all = await GetJsonAsync(http, "/api/vcenter/vm", HttpStatusCode.OK);
        Assert.Equal(4000, all!.AsArray().Count);
    }

    [Fact]
    public async Task Rest_Answers_AreWrappedWithKeyValueMaps()
    {
        await using var sim = await VCenterSimulator.StartAsync(new VCenterSimulatorOptions { Vms = 10, Seed = 14, ApiDisabled = true });
        using var http = Client(sim);
        var token = await LoginAsync(http, "/rest/com/vmware/cis/session", HttpStatusCode.OK);
        http.DefaultRequestHeaders.Add("vmware-api-session-id", JsonNode.Parse(token)!["value"]!.ToString());

        var list = await GetJsonAsync(http, "/rest/vcenter/vm?filter.power_states=POWERED_ON", HttpStatusCode.OK);
        var first = list!["value"]!.AsArray()[0]!;
        Assert.Empty(Spec.Value.Check(first, "VcenterVMSummary"));
        var info = await GetJsonAsync(http, "/rest/vcenter/vm/" + first["vm"], HttpStatusCode.OK);
        Assert.IsType<JsonArray>(info!["value"]!["disks"]);
        Assert.NotNull(info["value"]!["disks"]![0]!["key"]);
        Assert.Equal(HttpStatusCode.NotFound, (await http.PostAsync("/api/session", null)).StatusCode);
    }

    private static HttpClient Client(VCenterSimulator sim)
    {
        var pinned = sim.Thumbprint;
        var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, cert, _, _) =>
                cert is not null && cert.GetCertHashString(System.Security.Cryptography.HashAlgorithmName.SHA256) == pinned,
        };
        return new HttpClient(handler) { BaseAddress = new Uri(sim.Url) };
    }

    private static async Task<string> LoginAsync(HttpClient http) =>
        JsonNode.Parse(await LoginAsync(http, "/api/session", HttpStatusCode.Created))!.GetValue<string>();

    private static async Task<string> LoginAsync(HttpClient http, string path, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path);
        request.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("administrator@vsphere.local:Sim-Passw0rd!")));
        using var response = await http.SendAsync(request);
        Assert.Equal(expected, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task<JsonNode?> GetJsonAsync(HttpClient http, string path, HttpStatusCode expected)
    {
        using var response = await http.GetAsync(path);
        Assert.Equal(expected, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync());
    }
}
