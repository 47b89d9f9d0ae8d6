using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sourcing.Collector.Scans;
using Sourcing.Web.Security;

namespace Sourcing.Web.Pages.Scans;

[Authorize(Policy = Policies.Drift)]
public sealed class IndexModel(ScanStore scans) : PageModel
{
    public IReadOnlyList<ScanRow> Scans { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Scans = await scans.RecentAsync(100, cancellationToken);
}
