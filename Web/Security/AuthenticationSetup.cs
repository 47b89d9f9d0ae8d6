using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Sourcing.Web.Security;

/// <summary>Cookie sign-in for local accounts, plus OpenID Connect when <see cref="OidcOptions"/> is configured.</summary>
public static class AuthenticationSetup
{
    public const string OidcScheme = OpenIdConnectDefaults.AuthenticationScheme;

    /// <summary>The sign-in cookie (also named in the OpenAPI document's security scheme).</summary>
    public const string CookieName = "sourcing.auth";

    public static IServiceCollection AddSourcingAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        var oidc = configuration.GetSection(OidcOptions.Section).Get<OidcOptions>() ?? new OidcOptions();
        services.AddSingleton(oidc);

        var auth = services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.Cookie.Name = CookieName;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.LoginPath = "/Account/SignIn";
                o.LogoutPath = "/Account/SignOut";
                o.AccessDeniedPath = "/Account/Denied";
                o.ExpireTimeSpan = TimeSpan.FromHours(configuration.GetValue("Authentication:SessionHours", 8));
                o.SlidingExpiration = true;
                // APIs answer 401/403; only pages redirect to the sign-in page.
                o.Events.OnRedirectToLogin = c => ApiOrRedirect(c, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = c => ApiOrRedirect(c, StatusCodes.Status403Forbidden);
                // Local sessions follow their account: roles at once, sign-out on a reset password or a disabled account.
                o.Events.OnValidatePrincipal = LocalSessionValidator.ValidateAsync;
                // Every cookie belongs to a server-side session; signing out ends it, wherever copies of the cookie are.
                o.Events.OnSigningIn = LocalSessionValidator.StartSessionAsync;
                o.Events.OnSigningOut = LocalSessionValidator.EndSessionAsync;
            });

        if (oidc.Enabled)
        {
            auth.AddOpenIdConnect(OidcScheme, oidc.DisplayName, o =>
            {
                o.Authority = oidc.Authority;
                o.ClientId = oidc.ClientId;
                o.ClientSecret = oidc.ClientSecret;
                o.ResponseType = OpenIdConnectResponseType.Code;
                o.UsePkce = true;
                o.SaveTokens = false;
                o.CallbackPath = "/signin-oidc";
                o.SignedOutCallbackPath = "/signout-callback-oidc";
                o.Scope.Clear();
                o.Scope.Add("openid");
                o.Scope.Add("profile");
                // Keep the provider's claim names ("roles", "name") so RoleClaim means what the token says.
                o.MapInboundClaims = false;
                o.TokenValidationParameters.NameClaimType = "preferred_username";
                o.TokenValidationParameters.RoleClaimType = ClaimTypes.Role;
                o.Events.OnTokenValidated = context =>
                {
                    if (context.Principal?.Identity is ClaimsIdentity identity)
                    {
                        OidcRoleMapper.Apply(identity, oidc);
                        if (identity.FindFirst("name") is { } name)
                        {
                            identity.AddClaim(new Claim(SourcingClaims.DisplayName, name.Value));
                        }
                    }

                    return Task.CompletedTask;
                };
            });
        }

        return services;
    }

    /// <summary>The principal of a local account after a successful password check.</summary>
    public static ClaimsPrincipal LocalPrincipal(Collector.Auth.AppUser user) =>
        LocalPrincipal(user.Id, user.UserName, user.DisplayName, user.Roles, user.SecurityStamp);

    /// <summary>The principal of local account <paramref name="id"/> as it is now (also used to refresh a session whose roles changed).</summary>
    public static ClaimsPrincipal LocalPrincipal(long id, string userName, string displayName, IEnumerable<string> roles, Guid securityStamp, Guid? session = null)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new(ClaimTypes.Name, userName),
            new(SourcingClaims.DisplayName, displayName),
            new(SourcingClaims.AuthMethod, "local"),
            new(SourcingClaims.SecurityStamp, securityStamp.ToString("N")),
        };
        claims.AddRange(roles.Select(r => new Claim(ClaimTypes.Role, r)));
        if (session is { } sessionId)
        {
            claims.Add(new Claim(SourcingClaims.SessionId, sessionId.ToString("N")));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, "local", ClaimTypes.Name, ClaimTypes.Role));
    }

    private static Task ApiOrRedirect(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }
}
