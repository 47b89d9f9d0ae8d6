using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sourcing.Web.Security;

namespace Sourcing.Web.Pages.Account;

/// <summary>Sign-out is a POST (with antiforgery), so no link on another site can sign a user out.</summary>
[AllowAnonymous]
public sealed class SignOutModel(OidcOptions oidc) : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public IActionResult OnPost()
    {
        var props = new AuthenticationProperties { RedirectUri = "/Account/SignIn" };
        return oidc.Enabled && User.FindFirst(SourcingClaims.AuthMethod)?.Value == "oidc"
            ? SignOut(props, CookieAuthenticationDefaults.AuthenticationScheme, AuthenticationSetup.OidcScheme)
            : SignOut(props, CookieAuthenticationDefaults.AuthenticationScheme);
    }
}
