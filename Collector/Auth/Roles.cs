namespace Sourcing.Collector.Auth;

/// <summary>The product's three user groups. Role names are stored in sourcing.app_user.roles and used as policy names.</summary>
public static class Roles
{
    /// <summary>IT operations: sources, scans, mapping, the Hangfire dashboard.</summary>
    public const string Drift = "Drift";

    /// <summary>Sourcing managers: systems, decisions, scenarios, imports.</summary>
    public const string Sourcing = "Sourcing";

    /// <summary>Leadership: read-only overview, forecasts and reports.</summary>
    public const string Ledning = "Ledning";

    public static IReadOnlyList<string> All { get; } = [Drift, Sourcing, Ledning];

    /// <summary>The canonical spelling of a role name given in any case, or null when it is not a role.</summary>
    public static string? Normalize(string? name) =>
        All.FirstOrDefault(r => string.Equals(r, name?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The known roles among <paramref name="names"/> (any case), each once, in the order of <see cref="All"/>; unknown names are dropped.</summary>
    public static string[] Canonical(IEnumerable<string?> names)
    {
        var given = names.Select(Normalize).OfType<string>().ToHashSet(StringComparer.Ordinal);
        return All.Where(given.Contains).ToArray();
    }
}
