using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Sourcing.Collector.Auth;

namespace Sourcing.Web.Security;

/// <summary>
/// Checks a local account's session cookie against its row on every request (one lookup by primary key,
/// not cached, so a change by the user page applies to the very next request):
/// a missing or disabled account, or a security stamp that changed (password reset, turned off and on)
/// ends the session; changed roles or display name replace the principal and the cookie is issued anew.
/// OpenID Connect sessions carry no local account and are left alone.
/// </summary>
public static class LocalSessionValidator
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        if (principal?.FindFirstValue(SourcingClaims.AuthMethod) != "local")
        {
            return;
        }

        var services = context.HttpContext.RequestServices;
        UserSessionState? state = null;
        if (long.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            state = await services.GetRequiredService<UserStore>().SessionStateAsync(id, context.HttpContext.RequestAborted);
        }

        // A cookie from before stamps existed has none: its holder signs in once more.
        var stampMatches = Guid.TryParseExact(principal.FindFirstValue(SourcingClaims.SecurityStamp), "N", out var stamp)
            && state is not null && stamp == state.SecurityStamp;
        if (state is null || !state.Enabled || !stampMatches)
        {
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(LocalSessionValidator))
                .LogInformation("Session of {User} ended: {Reason}", principal.Identity?.Name,
                    state is null ? "account gone" : !state.Enabled ? "account disabled" : "security stamp changed");
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(context.Scheme.Name);
            return;
        }

        var roles = SourcingClaims.RolesOf(principal);
        if (!roles.ToHashSet(StringComparer.Ordinal).SetEquals(state.Roles)
            || principal.FindFirstValue(SourcingClaims.DisplayName) != state.DisplayName)
        {
            context.ReplacePrincipal(AuthenticationSetup.LocalPrincipal(id, state.UserName, state.DisplayName, state.Roles, state.SecurityStamp));
            context.ShouldRenew = true;
        }
    }
}
