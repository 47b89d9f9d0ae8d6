using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sourcing.Web.Caching;
using Sourcing.Web.Inventory;
using Sourcing.Web.Security;

namespace Sourcing.Web.Pages.Inventory;

[Authorize(Policy = Policies.Inventory)]
public sealed class IndexModel(InventoryStore store, InputsCache cache, TimeProvider time) : PageModel
{
    public InventoryQuery Query { get; private set; } = new();

    public InventoryPage Result { get; private set; } = new([], 0);

    public InventoryFacets Facets { get; private set; } = new([], [], [], [], [], [], [], [], []);

    public int PageCount => Math.Max(1, (Result.Total + Query.PageSize - 1) / Query.PageSize);

    public async Task OnGetAsync([FromQuery] InventoryQuery query, CancellationToken cancellationToken)
    {
        Query = query;
        // The filter choices group every resource; they are kept until the inventory changes.
        Facets = await cache.GetAsync("inventory-facets", store.FacetsAsync, cancellationToken);
        Result = await store.PageAsync(query, cancellationToken);
    }

    /// <summary>The current filter as CSV (all pages), quoted, with formula-looking cells neutralised.</summary>
    public Task<IActionResult> OnGetCsvAsync([FromQuery] InventoryQuery query, CancellationToken cancellationToken) =>
        CsvExport.WriteAsync(Response, CsvExport.FileName("inventarie", time),
            ["source", "kind", "name", "cluster", "host", "subscription_id", "resource_group", "location", "power_state", "guest_os", "os_family",
             "cpu_count", "memory_mib", "storage_gib", "first_seen_at", "last_seen_at"],
            Rows(store.AllAsync(query, cancellationToken)), cancellationToken);

    /// <summary>Link to the same filter with another kind (null = every kind).</summary>
    public string KindUrl(string? kind) =>
        Url.Page("/Inventory/Index", (Query with { Kind = kind ?? InventoryQuery.AllKinds }).RouteValues(page: 1))!;

    private static async IAsyncEnumerable<object?[]> Rows(IAsyncEnumerable<InventoryRow> rows)
    {
        await foreach (var r in rows)
        {
            yield return
            [
                r.SourceName, r.Kind, r.Name, r.Cluster, r.Host, r.SubscriptionId, r.ResourceGroup, r.Location, r.PowerState,
                r.GuestOs, r.OsFamily, r.CpuCount, r.MemoryMib, r.StorageGib, r.FirstSeenAt, r.LastSeenAt,
            ];
        }
    }

    public string PageUrl(int page) => Url.Page("/Inventory/Index", Query.RouteValues(page: page))!;

    public string CsvUrl => Url.Page("/Inventory/Index", "Csv", Query.RouteValues(page: 1))!;

    /// <summary>Link that sorts by <paramref name="key"/>; clicking the current sort column flips its direction.</summary>
    public string SortUrl(string key)
    {
        var dir = Query.SortKey == key && !Query.Descending ? "desc" : "asc";
        return Url.Page("/Inventory/Index", Query.RouteValues(page: 1, sort: key, dir: dir))!;
    }

    public string? AriaSort(string key) => Query.SortKey != key ? null : Query.Descending ? "descending" : "ascending";
}
