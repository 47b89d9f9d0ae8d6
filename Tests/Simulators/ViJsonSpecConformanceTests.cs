using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Sourcing.Collector.VSphere;
using Sourcing.Tests.Collector.VSphere;
using Sourcing.Tests.Simulators.VCenter;

namespace Sourcing.Tests.Simulators;

/// <summary>
/// The VI/JSON requests the collector sends and the simulator's answers have the shapes of VMware's
/// published VI/JSON spec (vmware/vcf-api-specs, specifications/vsphere/openapi/vi-json/vi-json.yaml,
/// commit 31b01a6). The spec is 10 MB and not among the fixtures, so the schemas of the types this
/// product uses are transcribed below (required members and member types, DataObject's _typeName
/// flattened in), not loaded from the file.
/// </summary>
public sealed class ViJsonSpecConformanceTests : IDisposable
{
    private static readonly SwaggerSchemaChecker Spec = new(Schemas());
    private readonly VSphereTestKit _kit = new();

    public void Dispose() => _kit.Dispose();

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
    public async Task Version703_ServesNoViJson()
    {
        await using var sim = await VCenterSimulator.StartAsync(new VCenterSimulatorOptions { Vms = 5, Seed = 33, Version = "7.0.3" });
        using var http = Client(sim);

        using var response = await http.GetAsync("/sdk/vim25/8.0.1.0/ServiceInstance/ServiceInstance/content");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
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

    private static JsonObject Ref(string name) => new() { ["$ref"] = "#/definitions/" + name };

    private static JsonObject Type(string type) => new() { ["type"] = type };

    private static JsonObject ArrayOf(JsonObject items) => new() { ["type"] = "array", ["items"] = items };

    private static JsonObject Def(string[] required, params (string Name, JsonNode Schema)[] properties)
    {
        var props = new JsonObject { ["_typeName"] = Type("string") };
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

    /// <summary>Request types carry no _typeName (they are the body, not a data object).</summary>
    private static JsonObject Request(string[] required, params (string Name, JsonNode Schema)[] properties)
    {
        var schema = Def(required, properties);
        schema["properties"]!.AsObject().Remove("_typeName");
        return schema;
    }

    private static JsonObject Schemas()
    {
        static (string, JsonNode)[] FaultProperties() => [("faultCause", Ref("MethodFault")), ("faultMessage", ArrayOf(Ref("LocalizableMessage")))];
        return new JsonObject
        {
            ["ManagedObjectReference"] = Def(["_typeName", "type", "value"], ("type", Type("string")), ("value", Type("string"))),
            ["LocalizableMessage"] = Def(["key"], ("key", Type("string")), ("arg", ArrayOf(new JsonObject())), ("message", Type("string"))),
            ["MethodFault"] = Def(["_typeName"], FaultProperties()),
            ["InvalidArgument"] = Def(["_typeName"], [.. FaultProperties(), ("invalidProperty", Type("string"))]),
            ["NotAuthenticated"] = Def(["_typeName", "privilegeId"], [.. FaultProperties(), ("object", Ref("ManagedObjectReference")), ("privilegeId", Type("string"))]),
            ["AboutInfo"] = Def(
                ["_typeName", "name", "fullName", "vendor", "version", "build", "osType", "productLineId", "apiType", "apiVersion"],
                ("name", Type("string")), ("fullName", Type("string")), ("vendor", Type("string")), ("version", Type("string")),
                ("patchLevel", Type("string")), ("build", Type("string")), ("localeVersion", Type("string")), ("localeBuild", Type("string")),
                ("osType", Type("string")), ("productLineId", Type("string")), ("apiType", Type("string")), ("apiVersion", Type("string")),
                ("instanceUuid", Type("string")), ("licenseProductName", Type("string")), ("licenseProductVersion", Type("string"))),
            ["ServiceContent"] = Def(
                ["_typeName", "rootFolder", "propertyCollector", "about"],
                ("rootFolder", Ref("ManagedObjectReference")), ("propertyCollector", Ref("ManagedObjectReference")),
                ("viewManager", Ref("ManagedObjectReference")), ("about", Ref("AboutInfo")), ("sessionManager", Ref("ManagedObjectReference")),
                ("perfManager", Ref("ManagedObjectReference"))),
            ["UserSession"] = Def(
                ["_typeName", "key", "userName", "fullName", "loginTime", "lastActiveTime", "locale", "messageLocale", "extensionSession"],
                ("key", Type("string")), ("userName", Type("string")), ("fullName", Type("string")), ("loginTime", Type("string")),
                ("lastActiveTime", Type("string")), ("locale", Type("string")), ("messageLocale", Type("string")),
                ("extensionSession", Type("boolean")), ("ipAddress", Type("string")), ("userAgent", Type("string")), ("callCount", Type("integer"))),
            ["PropertySpec"] = Def(["_typeName", "type"], ("type", Type("string")), ("all", Type("boolean")), ("pathSet", ArrayOf(Type("string")))),
            ["SelectionSpec"] = Def(
                ["_typeName"], ("name", Type("string")), ("type", Type("string")), ("path", Type("string")), ("skip", Type("boolean")),
                ("selectSet", ArrayOf(new JsonObject()))),
            ["ObjectSpec"] = Def(["_typeName", "obj"], ("obj", Ref("ManagedObjectReference")), ("skip", Type("boolean")), ("selectSet", ArrayOf(Ref("SelectionSpec")))),
            ["PropertyFilterSpec"] = Def(
                ["_typeName", "propSet", "objectSet"], ("propSet", ArrayOf(Ref("PropertySpec"))), ("objectSet", ArrayOf(Ref("ObjectSpec"))),
                ("reportMissingObjectsInResults", Type("boolean"))),
            ["RetrieveOptions"] = Def(["_typeName"], ("maxObjects", Type("integer"))),
            ["DynamicProperty"] = Def(["_typeName", "name", "val"], ("name", Type("string")), ("val", new JsonObject())),
            ["MissingProperty"] = Def(["_typeName", "path", "fault"], ("path", Type("string")), ("fault", Ref("MethodFault"))),
            ["ObjectContent"] = Def(
                ["_typeName", "obj"], ("obj", Ref("ManagedObjectReference")), ("propSet", ArrayOf(Ref("DynamicProperty"))),
                ("missingSet", ArrayOf(Ref("MissingProperty")))),
            ["RetrieveResult"] = Def(["_typeName", "objects"], ("token", Type("string")), ("objects", ArrayOf(Ref("ObjectContent")))),
            ["CreateContainerViewRequestType"] = Request(
                ["container", "recursive"], ("container", Ref("ManagedObjectReference")), ("type", ArrayOf(Type("string"))), ("recursive", Type("boolean"))),
            ["RetrievePropertiesExRequestType"] = Request(["specSet", "options"], ("specSet", ArrayOf(Ref("PropertyFilterSpec"))), ("options", Ref("RetrieveOptions"))),
            ["ContinueRetrievePropertiesExRequestType"] = Request(["token"], ("token", Type("string"))),
            ["PerfMetricId"] = Def(["_typeName", "counterId", "instance"], ("counterId", Type("integer")), ("instance", Type("string"))),
            ["PerfQuerySpec"] = Def(
                ["_typeName", "entity"], ("entity", Ref("ManagedObjectReference")), ("startTime", Type("string")), ("endTime", Type("string")),
                ("maxSample", Type("integer")), ("metricId", ArrayOf(Ref("PerfMetricId"))), ("intervalId", Type("integer")), ("format", Type("string"))),
            ["QueryPerfCounterByLevelRequestType"] = Request(["level"], ("level", Type("integer"))),
            ["QueryPerfRequestType"] = Request(["querySpec"], ("querySpec", ArrayOf(Ref("PerfQuerySpec")))),
        };
    }
}
