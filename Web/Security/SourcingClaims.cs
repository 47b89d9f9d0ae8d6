using System.Security.Claims;

namespace Sourcing.Web.Security;

/// <summary>Claim types of our own, and helpers the layout uses.</summary>
public static class SourcingClaims
{
    public const string DisplayName = "sourcing:display_name";
    public const string AuthMethod = "sourcing:auth_method";

    public static string DisplayNameOf(ClaimsPrincipal user) =>
        user.FindFirstValue(DisplayName) ?? user.FindFirstValue("name") ?? user.Identity?.Name ?? "";

    public static IReadOnlyList<string> RolesOf(ClaimsPrincipal user) =>
        Collector.Auth.Roles.All.Where(user.IsInRole).ToList();
}
