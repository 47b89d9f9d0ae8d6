using Microsoft.AspNetCore.Http.Features;
using Sourcing.Collector.Imports;

namespace Sourcing.Web.Pages.Imports;

/// <summary>
/// An upload larger than the import page allows would otherwise end as an empty 400 (the antiforgery check
/// cannot read the form past the limit). For a signed-in user whose browser stated the size, the body is read
/// and thrown away (nothing is stored or parsed) and the page is shown again with a Swedish message naming
/// the file's size and the limit. Beyond <see cref="MaxDrainBytes"/> the answer is a plain 413 in Swedish.
/// </summary>
public static class UploadLimit
{
    /// <summary>The page's own limit: the file plus room for the form's other fields.</summary>
    public const long MaxRequestBytes = ImportFiles.DefaultMaxBytes + (1024 * 1024);

    /// <summary>Larger bodies are not read at all.</summary>
    public const long MaxDrainBytes = 1024L * 1024 * 1024;

    /// <summary>Runs after authorization, so only a user the page admits gets the body read.</summary>
    public static IApplicationBuilder UseImportUploadLimit(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if (!HttpMethods.IsPost(request.Method) || !request.Path.StartsWithSegments("/Imports", StringComparison.OrdinalIgnoreCase)
            || request.ContentLength is not { } length || length <= MaxRequestBytes || context.User.Identity?.IsAuthenticated != true)
        {
            await next();
            return;
        }

        var megabytes = (long)Math.Ceiling(length / 1048576.0);
        if (length > MaxDrainBytes)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync($"Filen är {megabytes} MB; största tillåtna storlek är {ImportFiles.DefaultMaxBytes / 1048576} MB.", context.RequestAborted);
            return;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = length;
        }

        await request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
        context.Response.Redirect($"/Imports?storlek={megabytes}");
    });
}
