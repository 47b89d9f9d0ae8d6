using System.Security.Claims;
using Sourcing.Collector.Auth;

namespace Sourcing.Web.Security;

/// <summary>Turns the identity provider's role or group claims into product roles, through <see cref="OidcOptions.RoleMap"/> only.</summary>
public static class OidcRoleMapper
{
    public static IReadOnlyList<string> MapRoles(IEnumerable<Claim> claims, OidcOptions options) =>
        claims
            .Where(c => c.Type == options.RoleClaim)
            .Select(c => options.RoleMap.TryGetValue(c.Value, out var role) ? Roles.Normalize(role) : null)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToList();

    /// <summary>Adds the mapped roles to the identity as role claims; any role claims the provider sent are removed first.</summary>
    public static void Apply(ClaimsIdentity identity, OidcOptions options)
    {
        var roles = MapRoles(identity.Claims, options);
        foreach (var existing in identity.FindAll(identity.RoleClaimType).ToList())
        {
            identity.RemoveClaim(existing);
        }

        foreach (var role in roles)
        {
            identity.AddClaim(new Claim(identity.RoleClaimType, role));
        }

        identity.AddClaim(new Claim(SourcingClaims.AuthMethod, "oidc"));
    }
}
