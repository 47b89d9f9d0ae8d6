using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sourcing.Collector.Auth;
using Sourcing.Web.Overview;
using Sourcing.Web.Security;

namespace Sourcing.Web.Pages;

/// <summary>
/// The overview dashboard, first page after sign-in. Every role sees the estate; Drift sees scan
/// health; the cards for data that does not exist yet say honestly when it will come.
/// </summary>
[Authorize(Policy = Policies.AnyRole)]
public sealed class IndexModel(OverviewStore overview) : PageModel
{
    public EstateSummary Estate { get; private set; } = new();

    public IReadOnlyList<TrendPoint> Trend { get; private set; } = [];

    public IReadOnlyList<SourceHealth> ScanHealth { get; private set; } = [];

    public bool IsDrift => User.IsInRole(Roles.Drift);

    public bool IsSourcing => User.IsInRole(Roles.Sourcing);

    public bool IsLedning => User.IsInRole(Roles.Ledning);

    public DateTime? LastInventoryAt => ScanHealth.Where(h => h.LastStatus is "succeeded" or "partial").Max(h => h.LastFinishedAt);

    public int FailingSources => ScanHealth.Count(h => h.LastStatus == "failed");

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Estate = await overview.EstateAsync(cancellationToken);
        Trend = await overview.VmTrendAsync(cancellationToken);
        ScanHealth = await overview.ScanHealthAsync(cancellationToken);
    }
}
