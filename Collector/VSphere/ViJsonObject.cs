using System.Text.Json.Nodes;

namespace Sourcing.Collector.VSphere;

/// <summary>One ObjectContent of a RetrieveResult: the managed object and its properties (values still boxed).</summary>
internal sealed record ViJsonObject(string Type, string Id, IReadOnlyDictionary<string, JsonNode?> Properties)
{
    public static ViJsonObject? From(JsonNode? content)
    {
        if (content is not JsonObject obj || obj["obj"] is not JsonObject mor)
        {
            return null;
        }

        var properties = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        if (obj["propSet"] is JsonArray set)
        {
            foreach (var property in set)
            {
                if (ViJson.Str(property?["name"]) is { } name)
                {
                    properties[name] = property!["val"];
                }
            }
        }

        return ViJson.Str(mor["value"]) is { } id ? new ViJsonObject(ViJson.Str(mor["type"]) ?? "", id, properties) : null;
    }

    public JsonNode? this[string path] => Properties.TryGetValue(path, out var value) ? value : null;

    public string? Str(string path) => ViJson.Str(this[path]);

    public long? Long(string path) => ViJson.Long(this[path]);

    public bool? Bool(string path) => ViJson.Bool(this[path]);

    public string? Mor(string path) => ViJson.MorValue(this[path]);

    /// <summary>The properties as one plain object (boxes opened), kept as the resource's raw vendor JSON.</summary>
    public JsonObject Raw()
    {
        var raw = new JsonObject { ["_typeName"] = Type, ["moref"] = Id };
        foreach (var (name, value) in Properties.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            raw[name] = ViJson.Unbox(value)?.DeepClone();
        }

        return raw;
    }
}
