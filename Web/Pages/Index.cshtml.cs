using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sourcing.Collector.Auth;
using Sourcing.Web.Overview;
using Sourcing.Web.Security;

namespace Sourcing.Web.Pages;

/// <summary>
/// The overview dashboard, first page after sign-in. Every role sees the estate; Drift sees scan
/// health; Sourcing and Ledning see the portfolio and the chosen scenario. Cards whose data does
/// not exist yet (nothing mapped, nothing classified) say so and what makes it appear.
/// </summary>
[Authorize(Policy = Policies.AnyRole)]
public sealed class IndexModel(OverviewStore overview, OverviewFigures figures) : PageModel
{
    public EstateSummary Estate { get; private set; } = new();

    public IReadOnlyList<TrendPoint> Trend { get; private set; } = [];

    public IReadOnlyList<SourceHealth> ScanHealth { get; private set; } = [];

    public PortfolioSummary? Portfolio { get; private set; }

    public bool IsDrift => User.IsInRole(Roles.Drift);

    public bool IsSourcing => User.IsInRole(Roles.Sourcing);

    public bool IsLedning => User.IsInRole(Roles.Ledning);

    public DateTime? LastInventoryAt => ScanHealth.Where(h => h.LastStatus is "succeeded" or "partial").Max(h => h.LastFinishedAt);

    public int FailingSources => ScanHealth.Count(h => h.LastStatus == "failed");

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // Estate, trend and portfolio are kept until the inputs change (OverviewFigures); scan health is read every time.
        var kept = await figures.GetAsync(cancellationToken);
        Estate = kept.Estate;
        Trend = kept.Trend;
        ScanHealth = await overview.ScanHealthAsync(cancellationToken);
        Portfolio = kept.Portfolio;
    }
}
