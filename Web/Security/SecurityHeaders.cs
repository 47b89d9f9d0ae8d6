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

    /// <summary>Control characters in the path, the query or a url-encoded form; tab and line breaks are allowed in forms (text areas).</summary>
    public static async Task<bool> HasControlCharactersAsync(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Path.Value is { } path && path.Any(char.IsControl))
        {
            return true;
        }

        foreach (var (key, values) in request.Query)
        {
            if (key.Any(char.IsControl) || values.Any(v => v is not null && v.Any(char.IsControl)))
            {
                return true;
            }
        }

        if (request.HasFormContentType && request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true)
        {
            // Small forms only reach here: Kestrel's and the form reader's limits bound them.
            var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
            foreach (var (key, values) in form)
            {
                if (key.Any(char.IsControl) || values.Any(v => v is not null && v.Any(c => char.IsControl(c) && c is not ('\t' or '\r' or '\n'))))
                {
                    return true;
                }
            }
        }

        return false;
    }

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
            // Exports and the API carry the estate and the people's figures: no browser or proxy keeps a copy.
            context.Response.OnStarting(() =>
            {
                var response = context.Response;
                if (context.Request.Path.StartsWithSegments("/api")
                    || response.Headers.ContentDisposition.ToString().Contains("attachment", StringComparison.OrdinalIgnoreCase))
                {
                    response.Headers.CacheControl = "no-store";
                    response.Headers.Pragma = "no-cache";
                }

                return Task.CompletedTask;
            });
            if (await HasControlCharactersAsync(context.Request))
            {
                // A NUL or other control character in the address or a form is never valid input here (and PostgreSQL refuses NUL).
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync("Ogiltiga tecken (styrtecken) i förfrågan.");
                return;
            }

            await next(context);
        });
    }
}
