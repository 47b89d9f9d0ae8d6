using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Sourcing.Collector.VSphere;
using Sourcing.Tests.Collector.VSphere;
using Sourcing.Tests.Simulators.VCenter;
using Sourcing.Tests.Support;

namespace Sourcing.Tests.Simulators;

/// <summary>
/// The VI/JSON requests the collector sends and the simulator's answers have the shapes of VMware's published VI/JSON
/// spec (vmware/vcf-api-specs, specifications/vsphere/openapi/vi-json/vi-json.yaml, commit 31b01a6). The schemas come
/// from an excerpt of that file kept beside this test (vi-json-excerpt.json, made by scripts/vi-json-excerpt.py; its
/// x-origin says how). The few schemas the excerpt lists under x-not-extracted are still transcribed below
/// (<see cref="Transcribed"/>) until the excerpt is refreshed from the full file.
/// </summary>
public sealed class ViJsonSpecConformanceTests : IDisposable
{
    private static readonly SwaggerSchemaChecker Spec = LoadSpec();
    private readonly VSphereTestKit _kit = new();

    public void Dispose() => _kit.Dispose();

    [Fact]
    public void Excerpt_SaysWhereItComesFrom_AndHoldsWhatTheProductReads()
    {
        var excerpt = JsonNode.Parse(File.ReadAllText(ExcerptPath))!;
        Assert.Equal("vmware/vcf-api-specs", excerpt["x-origin"]!["repository"]!.ToString());
        Assert.Equal("31b01a6d5c47e489808ccb634d0304860ac4452d", excerpt["x-origin"]!["commit"]!.ToString());
        foreach (var name in new[]
        {
            "ManagedObjectReference", "RetrieveResult", "ObjectContent", "DynamicProperty", "MissingProperty", "PropertyFilterSpec",
            "TraversalSpec", "MethodFault", "InvalidArgument", "InvalidRequest", "ManagedObjectNotFound", "SystemError",
            "ContinueRetrievePropertiesExRequestType", "QueryPerfCounterByLevelRequestType", "QueryPerfRequestType", "PerfQuerySpec",
            "PerfEntityMetric", "PerfMetricIntSeries", "PerfSampleInfo", "PerfCounterInfo",
        })
        {
            Assert.True(excerpt["components"]!["schemas"]![name] is JsonObject, name + " is not in the excerpt");
        }

        // Every schema the excerpt references is in it, or named as not extracted (and transcribed here meanwhile).
        var missing = excerpt["x-not-extracted"]!.AsArray().Select(n => n!.ToString()).ToList();
        Assert.All(missing, name => Assert.True(Transcribed().ContainsKey(name), name + " is neither extracted nor transcribed"));
    }

    [Fact]
    public async Task Collect_RequestsAndAnswers_ConformToSpec()
    {
        await using var sim = await VCenterSimulator.StartAsync(new VCenterSimulatorOptions { Vms = 60, Seed = 31, Version = "8.0.3", ViJsonMaxObjects = 20 });
        var result = await _kit.Collector().CollectAsync(VSphereTestKit.Source(sim), new RecordingProgress(), CancellationToken.None);
        Assert.True(result.Complete, string.Join("\n", result.Errors));

        var requestTypes = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["CreateContainerView"] = "CreateContainerViewRequestType",
            ["RetrievePropertiesEx"] = "RetrievePropertiesExRequestType",
            ["ContinueRetrievePropertiesEx"] = "ContinueRetrievePropertiesExRequestType",
            ["QueryPerfCounterByLevel"] = "QueryPerfCounterByLevelRequestType",
            ["QueryPerf"] = "QueryPerfRequestType",
        };
        Assert.Contains(sim.ViJsonBodies, b => b.Path.EndsWith("/QueryPerf", StringComparison.Ordinal));
        Assert.NotEmpty(sim.ViJsonBodies);
        foreach (var (path, body) in sim.ViJsonBodies)
        {
            var method = path[(path.LastIndexOf('/') + 1)..];
            var problems = Spec.Check(JsonNode.Parse(body), requestTypes[method]);
            Assert.True(problems.Count == 0, $"{path}:\n{string.Join('\n', problems)}");
        }

        using var http = Client(sim);
        var content = await SendAsync(http, HttpMethod.Get, "ServiceInstance/ServiceInstance/content", null, HttpStatusCode.OK);
        Assert.Empty(Spec.Check(content.Body, "ServiceContent"));

        var login = await SendAsync(http, HttpMethod.Post, "SessionManager/SessionManager/Login",
            new JsonObject { ["userName"] = sim.Options.Username, ["password"] = sim.Options.Password }, HttpStatusCode.OK);
        Assert.Empty(Spec.Check(login.Body, "UserSession"));
        Assert.False(string.IsNullOrEmpty(login.Session));
        http.DefaultRequestHeaders.Add("vmware-api-session-id", login.Session);

        var view = await SendAsync(http, HttpMethod.Post, "ViewManager/ViewManager/CreateContainerView", new JsonObject
        {
            ["container"] = ViJson.Mor("Folder", "group-d1"), ["type"] = new JsonArray("VirtualMachine"), ["recursive"] = true,
        }, HttpStatusCode.OK);
        Assert.Empty(Spec.Check(view.Body, "ManagedObjectReference"));

        var page = await SendAsync(http, HttpMethod.Post, "PropertyCollector/propertyCollector/RetrievePropertiesEx",
            ViJson.RetrieveRequest((JsonObject)view.Body!, "VirtualMachine", ViJsonScan.VmPaths, 5), HttpStatusCode.OK);
        Assert.Empty(Spec.Check(page.Body, "RetrieveResult"));
        Assert.Equal(5, page.Body!["objects"]!.AsArray().Count);
        Assert.NotNull(page.Body["token"]);
        // Primitives in DynamicProperty.val come boxed with their type.
        var name = page.Body["objects"]![0]!["propSet"]!.AsArray().First(p => p!["name"]!.ToString() == "name")!["val"]!;
        Assert.Equal("string", name["_typeName"]!.ToString());

        var next = await SendAsync(http, HttpMethod.Post, "PropertyCollector/propertyCollector/ContinueRetrievePropertiesEx",
            new JsonObject { ["token"] = page.Body["token"]!.ToString() }, HttpStatusCode.OK);
        Assert.Empty(Spec.Check(next.Body, "RetrieveResult"));
    }

    [Fact]
    public async Task Requests_WithoutTypeName_AreRefusedWithTypedFault()
    {
        await using var sim = await VCenterSimulator.StartAsync(new VCenterSimulatorOptions { Vms = 5, Seed = 32, Version = "8.0.3" });
        using var http = Client(sim);
        var login = await SendAsync(http, HttpMethod.Post, "SessionManager/SessionManager/Login",
            new JsonObject { ["userName"] = sim.Options.Username, ["password"] = sim.Options.Password }, HttpStatusCode.OK);
        http.DefaultRequestHeaders.Add("vmware-api-session-id", login.Session);

        var container = ViJson.Mor("Folder", "group-d1");
        container.Remove("_typeName");
        var refused = await SendAsync(http, HttpMethod.Post, "ViewManager/ViewManager/CreateContainerView",
            new JsonObject { ["container"] = container, ["type"] = new JsonArray("VirtualMachine"), ["recursive"] = true }, HttpStatusCode.InternalServerError);
        Assert.Equal("InvalidRequest", refused.Body!["_typeName"]!.ToString());
        Assert.Empty(Spec.Check(refused.Body, "MethodFault"));

        var expired = await SendAsync(http, HttpMethod.Post, "PropertyCollector/propertyCollector/ContinueRetrievePropertiesEx",
            new JsonObject { ["token"] = "no-such-token" }, HttpStatusCode.InternalServerError);
        Assert.Equal("InvalidArgument", expired.Body!["_typeName"]!.ToString());
        Assert.Empty(Spec.Check(expired.Body, "InvalidArgument"));

        http.DefaultRequestHeaders.Remove("vmware-api-session-id");
        var unauthenticated = await SendAsync(http, HttpMethod.Post, "ViewManager/ViewManager/CreateContainerView",
            new JsonObject { ["container"] = ViJson.Mor("Folder", "group-d1"), ["recursive"] = true }, HttpStatusCode.InternalServerError);
        Assert.Equal("NotAuthenticated", unauthenticated.Body!["_typeName"]!.ToString());
        Assert.Empty(Spec.Check(unauthenticated.Body, "NotAuthenticated"));

        var badLogin = await SendAsync(http, HttpMethod.Post, "SessionManager/SessionManager/Login",
            new JsonObject { ["userName"] = sim.Options.Username, ["password"] = "wrong" }, HttpStatusCode.InternalServerError);
        Assert.Equal("InvalidLogin", badLogin.Body!["_typeName"]!.ToString());
        Assert.Empty(Spec.Check(badLogin.Body, "MethodFault"));
    }

    [Fact]
    public async Task MissingSet_AnswerConformsToSpec()
    {
        await using var sim = await VCenterSimulator.StartAsync(new VCenterSimulatorOptions { Vms = 6, Seed = 34, Version = "8.0.3" });
        var vm = sim.Estate.Vms[0];
        sim.Faults.UnreadableVmProperties[vm.Id] = ["config.hardware.numCPU", "runtime.host"];
        using var http = await LoggedInAsync(sim);

        var page = await SendAsync(http, HttpMethod.Post, "PropertyCollector/propertyCollector/RetrievePropertiesEx",
            ViJson.RetrieveObjectsRequest("VirtualMachine", [vm.Id], ViJsonScan.VmPaths, 10), HttpStatusCode.OK);

        Assert.Empty(Spec.Check(page.Body, "RetrieveResult"));
        var missing = page.Body!["objects"]![0]!["missingSet"]!.AsArray();
        Assert.Equal(["config.hardware.numCPU", "runtime.host"], missing.Select(m => m!["path"]!.ToString()).ToList());
        Assert.All(missing, m => Assert.Equal("SystemError", m!["fault"]!["_typeName"]!.ToString()));
        // The checker does catch the SOAP shape (a LocalizedMethodFault where the spec declares a MethodFault).
        var soapShape = JsonNode.Parse(page.Body.ToJsonString())!;
        soapShape["objects"]![0]!["missingSet"]![0]!["fault"] = new JsonObject
        {
            ["_typeName"] = "LocalizedMethodFault", ["fault"] = VCenterViJson.Fault("SystemError", "x", new JsonObject { ["reason"] = "x" }),
        };
        Assert.Contains(Spec.Check(soapShape, "RetrieveResult"), p => p.Contains("LocalizedMethodFault where the spec declares MethodFault", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PerformanceManager_RequestsAndAnswersConformToSpec()
    {
        await using var sim = await VCenterSimulator.StartAsync(new VCenterSimulatorOptions { Vms = 8, Seed = 35, Version = "8.0.3", MaxQueryMetrics = 8 });
        using var http = await LoggedInAsync(sim);

        var intervals = await SendAsync(http, HttpMethod.Get, "PerformanceManager/PerfMgr/historicalInterval", null, HttpStatusCode.OK);
        Assert.All(intervals.Body!.AsArray(), i => Assert.Empty(Spec.Check(i, "PerfInterval")));

        var counters = await SendAsync(http, HttpMethod.Post, "PerformanceManager/PerfMgr/QueryPerfCounterByLevel", new JsonObject { ["level"] = 1 }, HttpStatusCode.OK);
        Assert.Empty(Spec.Check(new JsonObject { ["level"] = 1 }, "QueryPerfCounterByLevelRequestType"));
        Assert.NotEmpty(counters.Body!.AsArray());
        Assert.All(counters.Body!.AsArray(), c => Assert.Empty(Spec.Check(c, "PerfCounterInfo")));
        var ids = ViJsonStatistics.FindCounters(counters.Body)!.Value;

        var now = DateTimeOffset.UtcNow;
        var request = ViJsonStatistics.QueryPerfRequest(sim.Estate.Vms.Take(4).Select(v => v.Id), ids, now.AddDays(-2), now);
        Assert.Empty(Spec.Check(request, "QueryPerfRequestType"));
        var answer = await SendAsync(http, HttpMethod.Post, "PerformanceManager/PerfMgr/QueryPerf", request, HttpStatusCode.OK);
        Assert.Equal(4, answer.Body!.AsArray().Count);
        Assert.All(answer.Body!.AsArray(), m => Assert.Empty(Spec.Check(m, "PerfEntityMetric")));
        Assert.Contains(answer.Body!.AsArray(), m => m!["value"]?[0]?["_typeName"]?.ToString() == "PerfMetricIntSeries");

        // Beyond vpxd.stats.maxQueryMetrics (8 here: 5 VMs × 2 counters = 10), and a broken statistics database.
        var tooMany = await SendAsync(http, HttpMethod.Post, "PerformanceManager/PerfMgr/QueryPerf",
            ViJsonStatistics.QueryPerfRequest(sim.Estate.Vms.Take(5).Select(v => v.Id), ids, now.AddDays(-2), now), HttpStatusCode.InternalServerError);
        Assert.Equal("RestrictedByAdministrator", tooMany.Body!["_typeName"]!.ToString());
        Assert.Empty(Spec.Check(tooMany.Body, "MethodFault"));
        sim.Faults.QueryPerfFails = true;
        var failed = await SendAsync(http, HttpMethod.Post, "PerformanceManager/PerfMgr/QueryPerf", request, HttpStatusCode.InternalServerError);
        Assert.Equal("SystemError", failed.Body!["_typeName"]!.ToString());
        Assert.Empty(Spec.Check(failed.Body, "MethodFault"));

        // A request that breaks the spec is caught: a PerfQuerySpec without its entity, a startTime that is no date-time.
        var broken = JsonNode.Parse(request.ToJsonString())!;
        broken["querySpec"]![0]!.AsObject().Remove("entity");
        broken["querySpec"]![1]!["startTime"] = "yesterday";
        var problems = Spec.Check(broken, "QueryPerfRequestType");
        Assert.Contains(problems, p => p.Contains("missing required 'entity'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("is not a date-time", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Version703_ServesNoViJson()
    {
        await using var sim = await VCenterSimulator.StartAsync(new VCenterSimulatorOptions { Vms = 5, Seed = 33, Version = "7.0.3" });
        using var http = Client(sim);

        using var response = await http.GetAsync("/sdk/vim25/8.0.1.0/ServiceInstance/ServiceInstance/content");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static async Task<HttpClient> LoggedInAsync(VCenterSimulator sim)
    {
        var http = Client(sim);
        var login = await SendAsync(http, HttpMethod.Post, "SessionManager/SessionManager/Login",
            new JsonObject { ["userName"] = sim.Options.Username, ["password"] = sim.Options.Password }, HttpStatusCode.OK);
        http.DefaultRequestHeaders.Add("vmware-api-session-id", login.Session);
        return http;
    }

    private static string ExcerptPath => Path.Combine(RepoPaths.Root, "Tests", "Simulators", "vi-json-excerpt.json");

    /// <summary>The excerpt's schemas, with the transcribed ones standing in for what it lists as not extracted.</summary>
    private static SwaggerSchemaChecker LoadSpec()
    {
        var excerpt = SwaggerSchemaChecker.LoadOpenApi(ExcerptPath);
        var document = JsonNode.Parse(File.ReadAllText(ExcerptPath))!;
        var schemas = document["components"]!["schemas"]!.AsObject().DeepClone().AsObject();
        foreach (var (name, schema) in Transcribed())
        {
            if (excerpt.NotExtracted.Contains(name) || !schemas.ContainsKey(name))
            {
                schemas[name] = schema?.DeepClone();
            }
        }

        return new SwaggerSchemaChecker(schemas);
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

    private static async Task<(JsonNode? Body, string? Session)> SendAsync(HttpClient http, HttpMethod method, string path, JsonNode? body, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(method, "/sdk/vim25/8.0.3.0/" + path);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{path}: {(int)response.StatusCode} {text}");
        var session = response.Headers.TryGetValues("vmware-api-session-id", out var values) ? values.First() : null;
        return (string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text), session);
    }

    /// <summary>
    /// Transcribed by hand from the vSphere Web Services API reference (required members and member types), only for the
    /// schemas the excerpt does not hold yet (its x-not-extracted); written in the excerpt's form (allOf a parent).
    /// </summary>
    private static JsonObject Transcribed()
    {
        static JsonObject Extends(string parent, string[] required, params (string Name, JsonNode Schema)[] properties)
        {
            var schema = Request(required, properties);
            schema["allOf"] = new JsonArray(Ref(parent));
            return schema;
        }

        return new JsonObject
        {
            ["AboutInfo"] = Extends("DataObject",
                ["name", "fullName", "vendor", "version", "build", "osType", "productLineId", "apiType", "apiVersion"],
                ("name", Type("string")), ("fullName", Type("string")), ("vendor", Type("string")), ("version", Type("string")),
                ("patchLevel", Type("string")), ("build", Type("string")), ("localeVersion", Type("string")), ("localeBuild", Type("string")),
                ("osType", Type("string")), ("productLineId", Type("string")), ("apiType", Type("string")), ("apiVersion", Type("string")),
                ("instanceUuid", Type("string")), ("licenseProductName", Type("string")), ("licenseProductVersion", Type("string"))),
            ["ServiceContent"] = Extends("DataObject",
                ["rootFolder", "propertyCollector", "about"],
                ("rootFolder", Ref("ManagedObjectReference")), ("propertyCollector", Ref("ManagedObjectReference")),
                ("viewManager", Ref("ManagedObjectReference")), ("about", Ref("AboutInfo")), ("sessionManager", Ref("ManagedObjectReference")),
                ("perfManager", Ref("ManagedObjectReference"))),
            ["UserSession"] = Extends("DataObject",
                ["key", "userName", "fullName", "loginTime", "lastActiveTime", "locale", "messageLocale", "extensionSession"],
                ("key", Type("string")), ("userName", Type("string")), ("fullName", Type("string")), ("loginTime", DateTime()),
                ("lastActiveTime", DateTime()), ("locale", Type("string")), ("messageLocale", Type("string")),
                ("extensionSession", Type("boolean")), ("ipAddress", Type("string")), ("userAgent", Type("string")), ("callCount", Type("integer"))),
            ["NotAuthenticated"] = Extends("SecurityError", ["privilegeId"], ("object", Ref("ManagedObjectReference")), ("privilegeId", Type("string"))),
            ["InvalidLogin"] = Extends("MethodFault", []),
            ["RestrictedByAdministrator"] = Extends("RuntimeFault", ["details"], ("details", Type("string"))),
            ["Description"] = Extends("DataObject", ["label", "summary"], ("label", Type("string")), ("summary", Type("string"))),
            ["ElementDescription"] = Extends("Description", ["key"], ("key", Type("string"))),
            ["PerfInterval"] = Extends("DataObject",
                ["key", "samplingPeriod", "name", "length", "enabled"],
                ("key", Type("integer")), ("samplingPeriod", Type("integer")), ("name", Type("string")), ("length", Type("integer")),
                ("level", Type("integer")), ("enabled", Type("boolean"))),
            ["PerfSummaryType_enum"] = Enum("average", "maximum", "minimum", "latest", "summation", "none"),
            ["PerfStatsType_enum"] = Enum("absolute", "delta", "rate"),
            ["CreateContainerViewRequestType"] = Request(
                ["container", "recursive"], ("container", Ref("ManagedObjectReference")), ("type", ArrayOf(Type("string"))), ("recursive", Type("boolean"))),
            ["RetrievePropertiesExRequestType"] = Request(["specSet", "options"], ("specSet", ArrayOf(Ref("PropertyFilterSpec"))), ("options", Ref("RetrieveOptions"))),
        };
    }

    private static JsonObject Ref(string name) => new() { ["$ref"] = "#/components/schemas/" + name };

    private static JsonObject Type(string type) => new() { ["type"] = type };

    private static JsonObject DateTime() => new() { ["type"] = "string", ["format"] = "date-time" };

    private static JsonObject Enum(params string[] values) => new() { ["type"] = "string", ["enum"] = new JsonArray([.. values.Select(v => (JsonNode)v)]) };

    private static JsonObject ArrayOf(JsonObject items) => new() { ["type"] = "array", ["items"] = items };

    /// <summary>A schema without _typeName of its own (a request body; a data object gets it from its parent).</summary>
    private static JsonObject Request(string[] required, params (string Name, JsonNode Schema)[] properties)
    {
        var props = new JsonObject();
        foreach (var (name, schema) in properties)
        {
            props[name] = schema;
        }

        return new JsonObject
        {
            ["type"] = "object",
            ["properties"] = props,
            ["required"] = new JsonArray([.. required.Select(r => (JsonNode)r)]),
        };
    }
}
