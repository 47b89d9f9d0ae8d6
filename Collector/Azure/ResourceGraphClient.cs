using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Sourcing.Collector.Azure;

/// <summary>
/// Runs one Resource Graph query (POST /providers/Microsoft.ResourceGraph/resources, api-version
/// 2021-03-01) over a set of subscriptions and pages through it with <c>$skipToken</c>. No served
/// NuGet package covers Resource Graph here, so the call goes through the Azure SDK pipeline the
/// collector builds (bearer token, retries, the quota policy, call counting) by hand.
/// </summary>
internal sealed class ResourceGraphClient(HttpPipeline pipeline, Uri endpoint, int pageSize)
{
    public const string ApiVersion = "2021-03-01";

    /// <summary>Resource Graph takes at most 1,000 subscriptions per request.</summary>
    public const int MaxSubscriptionsPerQuery = 1000;

    /// <summary>The rows of each page as they arrive (objectArray format), detached so a page can be dropped.</summary>
    public async IAsyncEnumerable<IReadOnlyList<JsonObject>> QueryAsync(
        string query, IReadOnlyList<string> subscriptions, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var chunk in subscriptions.Chunk(MaxSubscriptionsPerQuery))
        {
            string? skipToken = null;
            do
            {
                var options = new JsonObject { ["$top"] = pageSize, ["resultFormat"] = "objectArray" };
                if (skipToken is not null)
                {
                    options["$skipToken"] = skipToken;
                }

                var body = new JsonObject
                {
                    ["subscriptions"] = new JsonArray([.. chunk.Select(s => (JsonNode?)JsonValue.Create(s))]),
                    ["query"] = query,
                    ["options"] = options,
                };
                using var message = pipeline.CreateMessage();
                message.Request.Method = RequestMethod.Post;
                message.Request.Uri.Reset(new Uri(endpoint, $"providers/Microsoft.ResourceGraph/resources?api-version={ApiVersion}"));
                message.Request.Headers.Add("Content-Type", "application/json");
                message.Request.Content = RequestContent.Create(BinaryData.FromString(body.ToJsonString()));
                await pipeline.SendAsync(message, cancellationToken);
                if (message.Response.IsError)
                {
                    throw new RequestFailedException(message.Response);
                }

                JsonObject? page;
                try
                {
                    page = JsonNode.Parse(message.Response.Content.ToMemory().Span) as JsonObject;
                }
                catch (JsonException ex)
                {
                    throw new AzureCollectException($"Resource Graph answered with JSON that could not be read ({ex.Message}).");
                }

                var data = page?["data"] as JsonArray
                    ?? throw new AzureCollectException("Resource Graph answered without a data array (resultFormat objectArray).");
                var rows = data.OfType<JsonObject>().ToList();
                data.Clear();
                skipToken = page!["$skipToken"]?.GetValue<string>();
                yield return rows;
            }
            while (!string.IsNullOrEmpty(skipToken));
        }
    }
}
