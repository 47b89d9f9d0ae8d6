using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Sourcing.Tests.Web;

/// <summary>The generated OpenAPI document describes exactly the /api endpoints the app maps.</summary>
[Collection("Web")]
public sealed class ApiDocumentTests(WebAppFixture app)
{
    [Fact]
    public async Task Document_DescribesEveryMappedApiEndpoint_AndNothingElse()
    {
        using var client = await app.SignedInAsync("ledning");
        using var response = await client.GetAsync("/api/openapi.json");
        response.EnsureSuccessStatusCode();
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        var documented = document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(operation => $"{operation.Name.ToUpperInvariant()} {Normalise(path.Name)}"))
            .Order(StringComparer.Ordinal)
            .ToList();
        var mapped = app.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true && e.RoutePattern.RawText != "/api/{documentName}.json")
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => $"{m} {Normalise(e.RoutePattern.RawText!)}"))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(mapped, documented);
        Assert.Contains("GET /api/scenarios/{name}/forecast", documented);
        Assert.Contains("GET /api/scans/progress", documented);
        Assert.Equal("3.1.1", document.RootElement.GetProperty("openapi").GetString());
        Assert.Equal("sourcing.auth", document.RootElement.GetProperty("components").GetProperty("securitySchemes").GetProperty("cookie").GetProperty("name").GetString());
    }

    private static string Normalise(string path) => path.Length > 1 ? path.TrimEnd('/') : path;
}
