namespace Sourcing.Web.Security;

/// <summary>
/// Settings "Authentication:Oidc" for Microsoft Entra ID (or any OpenID Connect provider).
/// Sign-in with it is offered only when Authority and ClientId are set.
/// </summary>
public sealed class OidcOptions
{
    public const string Section = "Authentication:Oidc";

    /// <summary>E.g. https://login.microsoftonline.com/{tenant-id}/v2.0</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    /// <summary>Give it through an environment variable or a secret store, never in appsettings.json.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The token claim that carries the user's groups or app roles; Entra ID app roles arrive as "roles".</summary>
    public string RoleClaim { get; set; } = "roles";

    /// <summary>Claim value (app role or group object id) → product role (Drift, Sourcing, Ledning). Unmapped values give no role.</summary>
    public Dictionary<string, string> RoleMap { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Text on the sign-in button.</summary>
    public string DisplayName { get; set; } = "Microsoft Entra ID";

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(ClientId);
}
