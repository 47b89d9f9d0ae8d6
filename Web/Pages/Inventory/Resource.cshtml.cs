using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sourcing.Web.Inventory;
using Sourcing.Web.Security;

namespace Sourcing.Web.Pages.Inventory;

[Authorize(Policy = Policies.Inventory)]
public sealed class ResourceModel(InventoryStore store) : PageModel
{
    public ResourceDetail Resource { get; private set; } = new();

    public IReadOnlyList<KeyValuePair<string, string>> Tags { get; private set; } = [];

    public IReadOnlyList<KeyValuePair<string, string>> Attributes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        var resource = await store.DetailAsync(id, cancellationToken);
        if (resource is null)
        {
            return NotFound();
        }

        Resource = resource;
        Tags = Pairs(resource.TagsJson);
        Attributes = Pairs(resource.AttributesJson);
        return Page();
    }

    /// <summary>The changed fields of one history row: field, old value, new value (as text).</summary>
    public static IReadOnlyList<(string Field, string Old, string New)> Changes(string fieldsJson)
    {
        using var document = JsonDocument.Parse(fieldsJson);
        if (document.RootElement.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        return document.RootElement.EnumerateArray()
            .Where(e => e.ValueKind == JsonValueKind.Object)
            .Select(e => (
                e.TryGetProperty("field", out var f) ? f.GetString() ?? "" : "",
                e.TryGetProperty("old", out var o) ? Text(o) : "–",
                e.TryGetProperty("new", out var n) ? Text(n) : "–"))
            .ToList();
    }

    private static List<KeyValuePair<string, string>> Pairs(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.ValueKind != JsonValueKind.Object
            ? []
            : document.RootElement.EnumerateObject().Select(p => KeyValuePair.Create(p.Name, Text(p.Value))).ToList();
    }

    private static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() ?? "",
        JsonValueKind.Null or JsonValueKind.Undefined => "–",
        _ => value.GetRawText(),
    };
}
