namespace Sourcing.Web.Security;

/// <summary>
/// Security headers on every response. The CSP allows scripts and styles only from this site
/// (no inline script, no style attributes): pages put data in data-* attributes and wwwroot/js reads them.
/// </summary>
public static class SecurityHeaders
{
    public static string ContentSecurityPolicy(string? formTarget) =>
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; " +
        // Sign-out with OpenID Connect posts to our page, which redirects to the provider.
        $"form-action 'self'{(formTarget is null ? "" : " " + formTarget)}";

    // Hangfire's dashboard ships inline scripts and style attributes; it is reachable by Drift only.
    private const string HangfireContentSecurityPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, OidcOptions oidc)
    {
        string? providerOrigin = oidc.Enabled && Uri.TryCreate(oidc.Authority, UriKind.Absolute, out var authority)
            ? authority.GetLeftPart(UriPartial.Authority)
            : null;
        var csp = ContentSecurityPolicy(providerOrigin);
        return app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/hangfire") ? HangfireContentSecurityPolicy : csp;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            await next(context);
        });
    }
}
