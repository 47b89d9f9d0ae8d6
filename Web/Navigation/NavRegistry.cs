using Sourcing.Web.Security;

namespace Sourcing.Web.Navigation;

/// <summary>
/// The side navigation, in groups that follow the three user groups' work. To add a page:
/// add one line here (see docs/web.md). Groups with no entry the user may see are not shown.
/// </summary>
public static class NavRegistry
{
    /// <summary>Groups in display order; each key is a resource text.</summary>
    public static IReadOnlyList<string> Groups { get; } = ["Nav.Group.Overview", "Nav.Group.Estate", "Nav.Group.Portfolio", "Nav.Group.Leadership"];

    public static IReadOnlyList<NavItem> Items { get; } =
    [
        new("Nav.Group.Overview", "Nav.Overview", "/", Policies.AnyRole),

        new("Nav.Group.Estate", "Nav.Inventory", "/Inventory", Policies.Inventory, 10),
        new("Nav.Group.Estate", "Trend.Nav", "/Inventory/Trend", Policies.Inventory, 15),
        new("Nav.Group.Estate", "Nav.Sources", "/Sources", Policies.Drift, 20),
        new("Nav.Group.Estate", "Nav.Scans", "/Scans", Policies.Drift, 30),
        new("Nav.Group.Estate", "Users.Nav", "/Users", Policies.Drift, 80),
        new("Nav.Group.Estate", "Nav.Jobs", "/hangfire", Policies.Drift, 90),

        // Portfolio: Drift and Sourcing read systems and share the mapping work; editing, deciding and
        // register imports check role Sourcing in their handlers, RVTools imports role Drift.
        new("Nav.Group.Portfolio", "Nav.Systems", "/Systems", Policies.Inventory, 10),
        new("Nav.Group.Portfolio", "Nav.Mapping", "/Mapping", Policies.Inventory, 20),
        new("Nav.Group.Portfolio", "Nav.Scenarios", "/Scenarios", Policies.Sourcing, 30),
        new("Nav.Group.Portfolio", "Economics.Nav", "/Economics", Policies.Ledning, 35),
        new("Nav.Group.Portfolio", "Nav.Imports", "/Imports", Policies.Inventory, 40),
        new("Nav.Group.Portfolio", "Nav.Settings", "/Settings", Policies.Inventory, 50),
        new("Nav.Group.Portfolio", "Nav.Suppliers", "/Suppliers", Policies.Inventory, 55),

        new("Nav.Group.Leadership", "Decision.Nav", "/Forecast/Decision", Policies.Ledning, 5),
        new("Nav.Group.Leadership", "Nav.Forecast", "/Forecast", Policies.Ledning, 10),
        new("Nav.Group.Leadership", "Nav.Compare", "/Forecast/Compare", Policies.Ledning, 20),
        new("Nav.Group.Leadership", "Nav.Sensitivity", "/Forecast/Sensitivity", Policies.Ledning, 30),
        new("Nav.Group.Leadership", "Nav.BoardReport", "/Reports/Board", Policies.Ledning, 40),
    ];

    public static IEnumerable<(string Group, IReadOnlyList<NavItem> Items)> ByGroup(IEnumerable<NavItem> visible)
    {
        var list = visible.ToList();
        foreach (var group in Groups)
        {
            var items = list.Where(i => i.Group == group).OrderBy(i => i.Order).ToList();
            if (items.Count > 0)
            {
                yield return (group, items);
            }
        }
    }

    public static bool IsActive(NavItem item, PathString path)
    {
        if (item.Page == "/")
        {
            return path == "/" || path.StartsWithSegments("/Index", StringComparison.OrdinalIgnoreCase);
        }

        // "/Forecast" is not the current page on "/Forecast/Compare" when that has its own entry.
        if (Items.Any(o => o.Page.Length > item.Page.Length && o.Page.StartsWith(item.Page + "/", StringComparison.OrdinalIgnoreCase)
            && path.StartsWithSegments(o.Page, StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        return path.StartsWithSegments(item.Page, StringComparison.OrdinalIgnoreCase)
            || item.ActiveFor.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase));
    }
}
