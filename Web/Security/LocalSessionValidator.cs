using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Sourcing.Collector.Auth;

namespace Sourcing.Web.Security;

/// <summary>
/// Ties every cookie to a server-side session (sourcing.app_session) and a local account's cookie to its row:
/// <list type="bullet">
/// <item>sign-in starts a session and puts its id in the cookie; sign-out ends it, so a copied cookie is refused afterwards;</item>
/// <item>on every request (primary-key lookups, not cached) an ended or unknown session ends the cookie, for local and OpenID Connect users alike;</item>
/// <item>for a local account, a missing or disabled account or a changed security stamp (password reset, turned off and on)
/// ends the session; changed roles or display name replace the principal and the cookie is issued anew.</item>
/// </list>
/// </summary>
public static class LocalSessionValidator
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        if (principal is null)
        {
            return;
        }

        var services = context.HttpContext.RequestServices;
        var cancellationToken = context.HttpContext.RequestAborted;
        var sessionActive = SessionIdOf(principal) is { } session
            && await services.GetRequiredService<SessionStore>().IsActiveAsync(session, cancellationToken);
        if (!sessionActive)
        {
            // Also a cookie from before sessions existed: its holder signs in once more.
            await RejectAsync(context, "session ended or unknown");
            return;
        }

        if (principal.FindFirstValue(SourcingClaims.AuthMethod) != "local")
        {
            return;
        }

        UserSessionState? state = null;
        if (long.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            state = await services.GetRequiredService<UserStore>().SessionStateAsync(id, cancellationToken);
        }

        // A cookie from before stamps existed has none: its holder signs in once more.
        var stampMatches = Guid.TryParseExact(principal.FindFirstValue(SourcingClaims.SecurityStamp), "N", out var stamp)
            && state is not null && stamp == state.SecurityStamp;
        if (state is null || !state.Enabled || !stampMatches)
        {
            await RejectAsync(context, state is null ? "account gone" : !state.Enabled ? "account disabled" : "security stamp changed");
            return;
        }

        var roles = SourcingClaims.RolesOf(principal);
        if (!roles.ToHashSet(StringComparer.Ordinal).SetEquals(state.Roles)
            || principal.FindFirstValue(SourcingClaims.DisplayName) != state.DisplayName)
        {
            context.ReplacePrincipal(AuthenticationSetup.LocalPrincipal(id, state.UserName, state.DisplayName, state.Roles, state.SecurityStamp, SessionIdOf(principal)));
            context.ShouldRenew = true;
        }
    }

    /// <summary>Sign-in (local or OpenID Connect): a new server-side session whose id goes into the cookie.</summary>
    public static async Task StartSessionAsync(CookieSigningInContext context)
    {
        if (context.Principal?.Identity is not ClaimsIdentity identity || identity.FindFirst(SourcingClaims.SessionId) is not null)
        {
            return;
        }

        var method = identity.FindFirst(SourcingClaims.AuthMethod)?.Value == "local" ? "local" : "oidc";
        long? userId = method == "local" && long.TryParse(identity.FindFirst(ClaimTypes.NameIdentifier)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : null;
        var services = context.HttpContext.RequestServices;
        var session = await services.GetRequiredService<SessionStore>().StartAsync(
            userId, identity.Name ?? "?", method, context.HttpContext.Connection.RemoteIpAddress?.ToString(),
            services.GetRequiredService<TimeProvider>().GetUtcNow(), context.HttpContext.RequestAborted);
        identity.AddClaim(new Claim(SourcingClaims.SessionId, session.ToString("N")));
    }

    /// <summary>Sign-out ends the session on the server: the cookie, wherever a copy of it is, opens nothing more.</summary>
    public static async Task EndSessionAsync(CookieSigningOutContext context)
    {
        if (SessionIdOf(context.HttpContext.User) is { } session)
        {
            var services = context.HttpContext.RequestServices;
            if (await services.GetRequiredService<SessionStore>().EndAsync(session, services.GetRequiredService<TimeProvider>().GetUtcNow(), CancellationToken.None))
            {
                services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(LocalSessionValidator))
                    .LogInformation("User {User} signed out; session ended", context.HttpContext.User.Identity?.Name);
            }
        }
    }

    private static Guid? SessionIdOf(ClaimsPrincipal principal) =>
        Guid.TryParseExact(principal.FindFirstValue(SourcingClaims.SessionId), "N", out var id) ? id : null;

    private static async Task RejectAsync(CookieValidatePrincipalContext context, string reason)
    {
        context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(LocalSessionValidator))
            .LogInformation("Session of {User} ended: {Reason}", context.Principal?.Identity?.Name, reason);
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(context.Scheme.Name);
    }
}
