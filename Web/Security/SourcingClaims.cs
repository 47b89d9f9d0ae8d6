using System.Security.Claims;

namespace Sourcing.Web.Security;

/// <summary>Claim types of our own, and helpers the layout uses.</summary>
public static class SourcingClaims
{
    public const string DisplayName = "sourcing:display_name";
    public const string AuthMethod = "sourcing:auth_method";

    /// <summary>The local account's security stamp at sign-in (see LocalSessionValidator).</summary>
    public const string SecurityStamp = "sourcing:security_stamp";

    /// <summary>The server-side session (sourcing.app_session) the cookie belongs to; sign-out ends it.</summary>
    public const string SessionId = "sourcing:session";

    public static string DisplayNameOf(ClaimsPrincipal user) =>
        user.FindFirstValue(DisplayName) ?? user.FindFirstValue("name") ?? user.Identity?.Name ?? "";

    public static IReadOnlyList<string> RolesOf(ClaimsPrincipal user) =>
        Collector.Auth.Roles.All.Where(user.IsInRole).ToList();
}
