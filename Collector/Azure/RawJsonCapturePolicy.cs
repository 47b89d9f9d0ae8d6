using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Sourcing.Collector.Azure;

/// <summary>
/// Keeps the JSON of every item of the list responses, by list and lower-case id. Azure.ResourceManager
/// 1.7.0 models cannot be serialised back (no IJsonModel before 1.9), and the inventory keeps the
/// vendor's JSON as received.
/// </summary>
internal sealed class RawJsonCapturePolicy : HttpPipelineSynchronousPolicy
{
    private readonly ConcurrentDictionary<(string List, string Id), JsonObject> _items = new();

    public JsonObject? Find(string list, string id) =>
        _items.TryGetValue((list, id.ToLowerInvariant()), out var json) ? json : null;

    public override void OnReceivedResponse(HttpMessage message)
    {
        if (message.Response.Status != 200 || message.Request.Method != RequestMethod.Get || message.Response.ContentStream is null)
        {
            return;
        }

        var list = ListOf(message.Request.Uri.ToUri());
        if (list is null)
        {
            return;
        }

        JsonNode? body;
        try
        {
            body = JsonNode.Parse(message.Response.Content.ToMemory().Span);
        }
        catch (JsonException)
        {
            return; // the SDK reports what it cannot parse; the raw copy is a nicety
        }

        if (body?["value"] is not JsonArray values)
        {
            return;
        }

        // Detach the items from the parsed page instead of cloning them: the page is thrown away.
        var items = values.OfType<JsonObject>().ToList();
        values.Clear();
        foreach (var item in items)
        {
            if (item["id"] is JsonValue id && id.TryGetValue<string>(out var text))
            {
                _items[(list, text.ToLowerInvariant())] = item;
            }
        }
    }

    private static string? ListOf(Uri uri)
    {
        var path = uri.AbsolutePath.TrimEnd('/');
        if (path.EndsWith("/resources", StringComparison.OrdinalIgnoreCase))
        {
            return AzureLists.Resources;
        }

        if (path.EndsWith("/providers/Microsoft.Compute/virtualMachines", StringComparison.OrdinalIgnoreCase))
        {
            return uri.Query.Contains("statusOnly=true", StringComparison.OrdinalIgnoreCase) ? AzureLists.VmStatus : AzureLists.Vms;
        }

        if (path.EndsWith("/providers/Microsoft.Compute/disks", StringComparison.OrdinalIgnoreCase))
        {
            return AzureLists.Disks;
        }

        return path.EndsWith("/resourcegroups", StringComparison.OrdinalIgnoreCase) ? AzureLists.ResourceGroups : null;
    }
}
