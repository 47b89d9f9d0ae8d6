using System.Text.Json.Nodes;

namespace Sourcing.Collector.VSphere;

/// <summary>
/// One ObjectContent of a RetrieveResult: the managed object and its properties (values still boxed), and the paths the
/// server could not read for it (its missingSet: MissingProperty entries with a fault, vi-json.yaml ObjectContent).
/// </summary>
internal sealed record ViJsonObject(string Type, string Id, IReadOnlyDictionary<string, JsonNode?> Properties)
{
    private static readonly IReadOnlyDictionary<string, string> NoneMissing = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Path → why it was not read (the fault's type), for properties asked for and not read.</summary>
    public IReadOnlyDictionary<string, string> Missing { get; init; } = NoneMissing;

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

        Dictionary<string, string>? missing = null;
        if (obj["missingSet"] is JsonArray missingSet)
        {
            foreach (var entry in missingSet)
            {
                if (ViJson.Str(entry?["path"]) is { } path)
                {
                    (missing ??= new(StringComparer.Ordinal))[path] =
                        ViJson.Str(entry!["fault"]?["fault"]?["_typeName"]) ?? ViJson.Str(entry["fault"]?["_typeName"]) ?? "fault";
                }
            }
        }

        return ViJson.Str(mor["value"]) is { } id
            ? new ViJsonObject(ViJson.Str(mor["type"]) ?? "", id, properties) { Missing = missing ?? NoneMissing }
            : null;
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
