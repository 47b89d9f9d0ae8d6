using System.Globalization;

namespace Sourcing.Web.Portfolio;

/// <summary>The systems list's filters and page, bound from the query string (names are the URL parameters).</summary>
public sealed record PortfolioQuery
{
    public const int PageSize = 50;

    /// <summary>Förvaltning name.</summary>
    public string? Dept { get; init; }
    /// <summary>KLASSA K level 0–4, or "missing".</summary>
    public string? K { get; init; }
    /// <summary>Worst OS support: Supported, ExtendedOnly, Unsupported, Unknown.</summary>
    public string? Support { get; init; }
    /// <summary>A destination name, "missing" (underlag saknas), "blocked" or "none" (not assessed).</summary>
    public string? Rec { get; init; }
    public string? Q { get; init; }
    [Microsoft.AspNetCore.Mvc.ModelBinder(Name = "p")]
    public int Page { get; init; } = 1;

    public int PageNumber => Math.Max(1, Page);

    public bool HasFilter => Dept is not null || K is not null || Support is not null || Rec is not null || !string.IsNullOrWhiteSpace(Q);

    public bool Matches(PortfolioRow row)
    {
        var w = row.Workload;
        return (Dept is null || string.Equals(w.Department, Dept, StringComparison.OrdinalIgnoreCase))
            && (K is null || (K == "missing" ? w.Confidentiality is null : w.Confidentiality?.ToString(CultureInfo.InvariantCulture) == K))
            && (Support is null || (row.WorstSupport?.ToString() ?? "Unknown") == Support)
            && (Rec is null || row.RecommendationKey == Rec)
            && (string.IsNullOrWhiteSpace(Q) || w.Name.Contains(Q.Trim(), StringComparison.OrdinalIgnoreCase));
    }

    public Dictionary<string, string?> RouteValues(int? page = null)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["q"] = string.IsNullOrWhiteSpace(Q) ? null : Q.Trim(),
            ["dept"] = Dept,
            ["k"] = K,
            ["support"] = Support,
            ["rec"] = Rec,
            ["p"] = (page ?? PageNumber) == 1 ? null : (page ?? PageNumber).ToString(CultureInfo.InvariantCulture),
        };
        return values.Where(kv => kv.Value is not null).ToDictionary(kv => kv.Key, kv => kv.Value);
    }
}
