namespace Sourcing.Web.Inventory;

/// <summary>
/// The inventory page's filters, sort and page, bound from the query string so that every view
/// of the list is a shareable URL. Property names are the URL parameter names.
/// </summary>
public sealed record InventoryQuery
{
    public const int DefaultPageSize = 50;

    public static IReadOnlyList<string> SortKeys { get; } = ["name", "source", "kind", "cluster", "power", "os", "cpu", "memory", "storage", "seen"];

    public static IReadOnlyList<int> PageSizes { get; } = [25, 50, 100, 200];

    public string? Q { get; init; }
    public long? Source { get; init; }
    /// <summary>The kind to list: none given = <see cref="DefaultKind"/> (what Drift looks for first), <see cref="AllKinds"/> = every kind.</summary>
    public string? Kind { get; init; }
    public string? Cluster { get; init; }
    public string? Power { get; init; }
    public string? Os { get; init; }
    public string? Subscription { get; init; }
    public string? Group { get; init; }
    public string? Location { get; init; }
    /// <summary>The vendor's resource type, e.g. Microsoft.Web/sites.</summary>
    public string? Type { get; init; }
    public string? Sort { get; init; }
    public string? Dir { get; init; }
    /// <summary>URL parameter "p": "page" is taken by Razor Pages' own routing.</summary>
    [Microsoft.AspNetCore.Mvc.ModelBinder(Name = "p")]
    public int Page { get; init; } = 1;
    public int Size { get; init; } = DefaultPageSize;

    public const string DefaultKind = "vm";

    public const string AllKinds = "all";

    /// <summary>The kind filter applied: null lists every kind.</summary>
    public string? EffectiveKind => Kind switch
    {
        null or "" => DefaultKind,
        AllKinds => null,
        _ => Kind,
    };

    public string SortKey => Sort is not null && SortKeys.Contains(Sort) ? Sort : "name";

    public bool Descending => string.Equals(Dir, "desc", StringComparison.OrdinalIgnoreCase);

    public int PageSize => PageSizes.Contains(Size) ? Size : DefaultPageSize;

    public int PageNumber => Math.Max(1, Page);

    public bool HasFilter =>
        !string.IsNullOrWhiteSpace(Q) || Source is not null || EffectiveKind != DefaultKind || Cluster is not null || Power is not null
        || Os is not null || Subscription is not null || Group is not null || Location is not null || Type is not null;

    /// <summary>The query-string values of this view (defaults left out, so URLs stay short).</summary>
    public Dictionary<string, string?> RouteValues(int? page = null, string? sort = null, string? dir = null)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["q"] = string.IsNullOrWhiteSpace(Q) ? null : Q.Trim(),
            ["source"] = Source?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["kind"] = EffectiveKind == DefaultKind ? null : EffectiveKind ?? AllKinds,
            ["cluster"] = Cluster,
            ["power"] = Power,
            ["os"] = Os,
            ["subscription"] = Subscription,
            ["group"] = Group,
            ["location"] = Location,
            ["type"] = Type,
            ["sort"] = (sort ?? SortKey) == "name" ? null : sort ?? SortKey,
            ["dir"] = (dir ?? (Descending ? "desc" : "asc")) == "asc" ? null : "desc",
            ["size"] = PageSize == DefaultPageSize ? null : PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["p"] = (page ?? PageNumber) == 1 ? null : (page ?? PageNumber).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return values.Where(kv => kv.Value is not null).ToDictionary(kv => kv.Key, kv => kv.Value);
    }
}
