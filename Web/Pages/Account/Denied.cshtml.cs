using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sourcing.Web.Security;

namespace Sourcing.Web.Pages.Account;

/// <summary>Where a signed-in user lands on a page their role does not allow; answers 403.</summary>
[Authorize]
public sealed class DeniedModel : PageModel
{
    public bool HasRole { get; private set; }

    public void OnGet()
    {
        HasRole = SourcingClaims.RolesOf(User).Count > 0;
        Response.StatusCode = StatusCodes.Status403Forbidden;
    }
}
