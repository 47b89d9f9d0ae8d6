using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sourcing.Collector.Auth;
using Sourcing.Web.Security;

namespace Sourcing.Web.Pages.Users;

/// <summary>
/// The local accounts (Drift): for regions without Entra ID, and the demo. Entra ID users have no row here;
/// their roles come from the identity provider's groups.
/// </summary>
[Authorize(Policy = Policies.Drift)]
public sealed class IndexModel(UserStore users, TimeProvider time) : PageModel
{
    public IReadOnlyList<AppUser> Users { get; private set; } = [];

    public DateTime Now { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Users = await users.ListAsync(cancellationToken);
        Now = time.GetUtcNow().UtcDateTime;
    }

    public bool IsLocked(AppUser user) => user.LockoutUntil is { } until && until > Now;
}
