using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Sourcing.Tests.Support;

namespace Sourcing.Tests.Collector.Azure;

/// <summary>
/// Answers the SDK with Microsoft's published example responses (../shared/fixtures/azure), so the
/// real Azure.ResourceManager parses real Azure JSON. The examples use placeholders such as
/// "{subscription-id}"; they are replaced with the subscription the SDK asked for. Example nextLinks
/// point at hosts like http://disksvchost:99 (Azure.Core would refuse a bearer token there), so they
/// are moved to https://management.azure.com, the host the SDK called.
/// </summary>
public sealed class FixtureReplayHandler(bool fillUriPlaceholders = true) : HttpMessageHandler
{
    public ConcurrentQueue<string> Requests { get; } = new();

    public static JsonObject Body(string folder, string file) =>
        (JsonObject)JsonNode.Parse(File.ReadAllText(RepoPaths.Fixture("azure", folder, file)))!["responses"]!["200"]!["body"]!.DeepClone();

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri!;
        Requests.Enqueue($"{request.Method} {uri.PathAndQuery}");
        var path = uri.AbsolutePath.TrimEnd('/');
        var segments = path.Trim('/').Split('/');
        var query = Uri.UnescapeDataString(uri.Query);
        JsonNode? body;
        if (path.EndsWith("/oauth2/v2.0/token", StringComparison.Ordinal))
        {
            body = new JsonObject { ["token_type"] = "Bearer", ["expires_in"] = 3599, ["access_token"] = "replay-token" };
        }
        else if (path.EndsWith("/discovery/instance", StringComparison.Ordinal))
        {
            body = new JsonObject { ["tenant_discovery_endpoint"] = "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration", ["metadata"] = new JsonArray() };
        }
        else if (segments is ["subscriptions"])
        {
            var list = Body("rest-api-specs-2021-07", "Microsoft.Resources_2021-01-01_GetSubscriptions.json");
            list.Remove("nextLink"); // the example's nextLink is the literal "..."
            body = list;
        }
        else
        {
            var subscription = segments[1];
            body = segments[2..] switch
            {
                [] => Body("rest-api-specs-2021-07", "Microsoft.Resources_2021-01-01_GetSubscription.json"),
                ["resourcegroups"] => Body("rest-api-specs-2023", "Microsoft.Resources_2021-04-01_ListResourceGroups.json"),
                ["resources"] => Resources(subscription, query),
                ["providers", "Microsoft.Compute", "virtualMachines"] when query.Contains("statusOnly=true", StringComparison.Ordinal) => new JsonObject
                {
                    ["value"] = new JsonArray(new JsonObject
                    {
                        ["id"] = "/subscriptions/{subscription-id}/resourceGroups/myResourceGroup/providers/Microsoft.Compute/virtualMachines/myVM",
                        ["name"] = "myVM",
                        ["type"] = "Microsoft.Compute/virtualMachines",
                        ["location"] = "West US",
                        ["properties"] = new JsonObject { ["instanceView"] = Body("rest-api-specs-2023", "Microsoft.Compute_2023-07-01_VirtualMachine_Get_InstanceView.json") },
                    }),
                },
                ["providers", "Microsoft.Compute", "virtualMachines"] => new JsonObject
                {
                    ["value"] = new JsonArray(Body("rest-api-specs-2023", "Microsoft.Compute_2023-07-01_VirtualMachine_Get.json")),
                },
                ["providers", "Microsoft.Compute", "disks"] when query.Contains("$skiptoken", StringComparison.Ordinal) => new JsonObject { ["value"] = new JsonArray() },
                ["providers", "Microsoft.Compute", "disks"] => Body("rest-api-specs-2023", "Microsoft.Compute_DiskRP_2023-04-02_Disk_ListBySubscription.json"),
                _ => null,
            };
            body = body is null ? null : JsonNode.Parse(Placeholders(body.ToJsonString(), subscription));
        }

        var response = body is null
            ? new HttpResponseMessage(HttpStatusCode.NotFound) { Content = new StringContent("""{"error":{"code":"NotFound","message":"not in the fixtures"}}""", Encoding.UTF8, "application/json") }
            : new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
        response.RequestMessage = request;
        return Task.FromResult(response);
    }

    /// <summary>
    /// The only published Resources_List example has an empty body, so the list is built from the
    /// other examples' resources: page one holds the VM, page two (through nextLink) the web apps and disks.
    /// </summary>
    private static JsonObject Resources(string subscription, string query)
    {
        static JsonObject Generic(JsonNode item) => new()
        {
            ["id"] = item["id"]!.DeepClone(),
            ["name"] = item["name"]!.DeepClone(),
            ["type"] = item["type"]!.DeepClone(),
            ["kind"] = item["kind"]?.DeepClone(),
            ["location"] = item["location"]!.DeepClone(),
            ["tags"] = item["tags"]?.DeepClone(),
        };

        if (!query.Contains("$skiptoken=2", StringComparison.Ordinal))
        {
            return new JsonObject
            {
                ["value"] = new JsonArray(Generic(Body("rest-api-specs-2023", "Microsoft.Compute_2023-07-01_VirtualMachine_Get.json"))),
                ["nextLink"] = $"https://management.azure.com/subscriptions/{subscription}/resources?api-version=2022-09-01&$skiptoken=2",
            };
        }

        var page = new JsonArray();
        foreach (var site in Body("rest-api-specs-2023", "Microsoft.Web_2023-01-01_ListWebApps.json")["value"]!.AsArray())
        {
            page.Add(Generic(site!));
        }

        foreach (var disk in Body("rest-api-specs-2023", "Microsoft.Compute_DiskRP_2023-04-02_Disk_ListBySubscription.json")["value"]!.AsArray())
        {
            page.Add(Generic(disk!));
        }

        return new JsonObject { ["value"] = page };
    }

    private string Placeholders(string json, string subscription) => (fillUriPlaceholders
            // "http://{myStorageAccount}.blob..." is no URI: the SDK throws parsing it. Azure never sends braces.
            ? json.Replace("{myStorageAccount}", "mystorageaccount", StringComparison.Ordinal)
            : json)
        .Replace("{subscription-id}", subscription, StringComparison.Ordinal)
        .Replace("{subscriptionId}", subscription, StringComparison.Ordinal)
        .Replace("34adfa4f-cedf-4dc0-ba29-b6d1a69ab345", subscription, StringComparison.Ordinal)
        .Replace("http://disksvchost:99", "https://management.azure.com", StringComparison.Ordinal);
}
