using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sourcing.Collector.VSphere;

/// <summary>
/// The JSON rules of VI/JSON (vi-json.yaml): every data object in a request carries
/// <c>_typeName</c>; a primitive or array in an <c>Any</c> slot (DynamicProperty.val) comes boxed as
/// {"_typeName": "string", "_value": ...}; managed objects are {"_typeName": "ManagedObjectReference", "type", "value"}.
/// </summary>
internal static class ViJson
{
    public static JsonObject Mor(string type, string value) => new()
    {
        ["_typeName"] = "ManagedObjectReference",
        ["type"] = type,
        ["value"] = value,
    };

    /// <summary>RetrievePropertiesExRequestType over a ContainerView: the view's objects of one type, the given properties.</summary>
    public static JsonObject RetrieveRequest(JsonObject view, string type, IEnumerable<string> paths, int maxObjects) => new()
    {
        ["specSet"] = new JsonArray(new JsonObject
        {
            ["_typeName"] = "PropertyFilterSpec",
            ["propSet"] = new JsonArray(new JsonObject
            {
                ["_typeName"] = "PropertySpec",
                ["type"] = type,
                ["pathSet"] = new JsonArray([.. paths.Select(p => (JsonNode)p)]),
            }),
            ["objectSet"] = new JsonArray(new JsonObject
            {
                ["_typeName"] = "ObjectSpec",
                ["obj"] = view.DeepClone(),
                ["skip"] = true,
                ["selectSet"] = new JsonArray(new JsonObject
                {
                    ["_typeName"] = "TraversalSpec",
                    ["name"] = "traverseView",
                    ["type"] = "ContainerView",
                    ["path"] = "view",
                    ["skip"] = false,
                }),
            }),
        }),
        ["options"] = new JsonObject { ["_typeName"] = "RetrieveOptions", ["maxObjects"] = maxObjects },
    };

    /// <summary>RetrievePropertiesExRequestType for the given objects directly (one ObjectSpec each, no traversal).</summary>
    public static JsonObject RetrieveObjectsRequest(string type, IEnumerable<string> ids, IEnumerable<string> paths, int maxObjects) => new()
    {
        ["specSet"] = new JsonArray(new JsonObject
        {
            ["_typeName"] = "PropertyFilterSpec",
            ["propSet"] = new JsonArray(new JsonObject
            {
                ["_typeName"] = "PropertySpec",
                ["type"] = type,
                ["pathSet"] = new JsonArray([.. paths.Select(p => (JsonNode)p)]),
            }),
            ["objectSet"] = new JsonArray([.. ids.Select(id => (JsonNode)new JsonObject
            {
                ["_typeName"] = "ObjectSpec",
                ["obj"] = Mor(type, id),
                ["skip"] = false,
            })]),
        }),
        ["options"] = new JsonObject { ["_typeName"] = "RetrieveOptions", ["maxObjects"] = maxObjects },
    };

    /// <summary>The value of a boxed primitive or array ({"_typeName": ..., "_value": ...}); data objects as they are.</summary>
    public static JsonNode? Unbox(JsonNode? value) =>
        value is JsonObject obj && obj.TryGetPropertyValue("_value", out var inner) && obj.ContainsKey("_typeName") ? inner : value;

    public static string? Str(JsonNode? node) =>
        Unbox(node) is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public static long? Long(JsonNode? node) =>
        Unbox(node) is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<long>(out var l) ? l : null;

    public static bool? Bool(JsonNode? node) =>
        Unbox(node) is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? v.GetValue<bool>() : null;

    /// <summary>The moref value of a ManagedObjectReference node ("vm-1001").</summary>
    public static string? MorValue(JsonNode? node) => Unbox(node) is JsonObject mor ? Str(mor["value"]) : null;

    /// <summary>"poweredOn" → "POWERED_ON", "connected" → "CONNECTED": the Automation API's spelling of the same enum.</summary>
    public static string? RestEnum(string? camel)
    {
        if (string.IsNullOrEmpty(camel))
        {
            return null;
        }

        var text = new System.Text.StringBuilder(camel.Length + 4);
        for (var i = 0; i < camel.Length; i++)
        {
            var c = camel[i];
            if (i > 0 && char.IsUpper(c))
            {
                text.Append('_');
            }

            text.Append(char.ToUpperInvariant(c));
        }

        return text.ToString();
    }

    /// <summary>
    /// vim guest ids to the Automation API's VcenterVmGuestOS: "windows9Server64Guest" → "WINDOWS_9_SERVER_64",
    /// "rhel7_64Guest" → "RHEL_7_64". The few whose REST name is not the split id are listed.
    /// </summary>
    public static string? RestGuestId(string? guestId)
    {
        if (string.IsNullOrEmpty(guestId))
        {
            return null;
        }

        switch (guestId)
        {
            case "windows2019srv_64Guest": return "WINDOWS_SERVER_2019";
            case "windows2019srvNext_64Guest": return "WINDOWS_SERVER_2021";
            case "windows2022srvNext_64Guest": return "WINDOWS_SERVER_2025";
            case "windows11_64Guest": return "WINDOWS_11_64";
        }

        var id = guestId.EndsWith("Guest", StringComparison.Ordinal) ? guestId[..^"Guest".Length] : guestId;
        var text = new System.Text.StringBuilder(id.Length + 6);
        for (var i = 0; i < id.Length; i++)
        {
            var c = id[i];
            var previous = i > 0 ? id[i - 1] : '_';
            var boundary = previous != '_' && c != '_'
                && ((char.IsUpper(c) && !char.IsUpper(previous)) || (char.IsDigit(c) && char.IsLetter(previous)) || (char.IsLetter(c) && char.IsDigit(previous)));
            if (boundary)
            {
                text.Append('_');
            }

            text.Append(char.ToUpperInvariant(c));
        }

        return text.ToString();
    }
}
