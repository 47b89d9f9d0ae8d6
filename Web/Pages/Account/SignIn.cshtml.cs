using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sourcing.Collector.Auth;
using Sourcing.Web.Security;

namespace Sourcing.Web.Pages.Account;

[AllowAnonymous]
public sealed class SignInModel(LocalAccounts accounts, SignInThrottle throttle, OidcOptions oidc, ILogger<SignInModel> logger) : PageModel
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

        var address = HttpContext.Connection.RemoteIpAddress?.ToString() ?? "?";
        if (!throttle.MayTry(address))
        {
            // The address tried too many wrong passwords: it is held back before any account is looked at, so one
            // address cannot run an account into its lockout, nor guess on.
            logger.LogWarning("Sign-in from {Address} throttled (too many failures)", address);
            ErrorKey = "SignIn.Error.Throttled";
            Password = "";
            return Page();
        }

        var check = await accounts.CheckAsync(UserName.Trim(), Password, cancellationToken);
        switch (check.Outcome)
        {
            case SignInOutcome.Succeeded:
                await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, AuthenticationSetup.LocalPrincipal(check.User!));
                logger.LogInformation("User {User} signed in from {Address}", check.User!.UserName, address);
                return LocalRedirect(SafeReturnUrl);
            case SignInOutcome.LockedOut:
                throttle.Failed(address);
                logger.LogWarning("Sign-in refused: account {User} is locked until {Until} (from {Address})", UserName.Trim(), check.LockedUntil, address);
                // The same words as a wrong password: the page does not tell which account names exist or are locked.
                ErrorKey = "SignIn.Error.Invalid";
                break;
            default:
                throttle.Failed(address);
                logger.LogInformation("Failed sign-in for {User} from {Address}", UserName.Trim(), address);
                ErrorKey = "SignIn.Error.Invalid";
                break;
        }

        Password = "";
        return Page();
    }

    private string SafeReturnUrl => !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";
}
