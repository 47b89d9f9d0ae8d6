using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sourcing.Collector.Auth;
using Sourcing.Web.Security;

namespace Sourcing.Web.Pages.Account;

[AllowAnonymous]
public sealed class SignInModel(LocalAccounts accounts, OidcOptions oidc, ILogger<SignInModel> logger) : PageModel
{
    [BindProperty]
    public string UserName { get; set; } = "";

    [BindProperty]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool OidcEnabled => oidc.Enabled;

    public string OidcName => oidc.DisplayName;

    /// <summary>Resource key of the message to show, if any.</summary>
    public string? ErrorKey { get; private set; }

    public int LockoutMinutes => (int)LocalAccounts.LockoutDuration.TotalMinutes;

    public void OnGet()
    {
    }

    public IActionResult OnGetOidc() =>
        oidc.Enabled
            ? Challenge(new AuthenticationProperties { RedirectUri = SafeReturnUrl }, AuthenticationSetup.OidcScheme)
            : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(UserName) || string.IsNullOrEmpty(Password))
        {
            ErrorKey = "SignIn.Error.Missing";
            return Page();
        }

        var check = await accounts.CheckAsync(UserName.Trim(), Password, cancellationToken);
        switch (check.Outcome)
        {
            case SignInOutcome.Succeeded:
                await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, AuthenticationSetup.LocalPrincipal(check.User!));
                logger.LogInformation("User {User} signed in", check.User!.UserName);
                return LocalRedirect(SafeReturnUrl);
            case SignInOutcome.LockedOut:
                logger.LogWarning("Sign-in refused: account {User} is locked until {Until}", UserName.Trim(), check.LockedUntil);
                ErrorKey = "SignIn.Error.LockedOut";
                break;
            default:
                logger.LogInformation("Failed sign-in for {User}", UserName.Trim());
                ErrorKey = "SignIn.Error.Invalid";
                break;
        }

        Password = "";
        return Page();
    }

    private string SafeReturnUrl => !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";
}
