using System.Net;
using Microsoft.AspNetCore.HttpsPolicy;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Sourcing.Web.Security;

namespace Sourcing.Tests.Web;

/// <summary>The small promises: no Server header, HSTS a year, no-store on exports and the API, 400 for control characters, sign-in throttling.</summary>
[Collection("Web")]
public sealed class SecurityLimitsTests(WebAppFixture app)
{
    [Fact]
    public async Task Responses_HaveNoServerHeader()
    {
        using var client = app.Anonymous();
        using var response = await client.GetAsync("/Account/SignIn");

        Assert.False(response.Headers.Contains("Server"));
    }

    [Fact]
    public void Hsts_IsOneYear() =>
        Assert.Equal(TimeSpan.FromDays(365), app.Factory.Services.GetRequiredService<IOptions<HstsOptions>>().Value.MaxAge);

    [Fact]
    public async Task CsvExportAndApi_AreNoStore()
    {
        using var client = await app.SignedInAsync("drift");
        using var csv = await client.GetAsync("/Sources?handler=Csv");
        using var api = await client.GetAsync("/api/scans/progress");

        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.True(csv.Headers.CacheControl?.NoStore);
        Assert.True(api.Headers.CacheControl?.NoStore);
    }

    [Theory]
    [InlineData("/Inventory?q=web%00x")]
    [InlineData("/Inventory?handler=Csv&q=%00")]
    [InlineData("/Inventory?q=%1b[31m")]
    public async Task ControlCharacters_InQuery_Answer400(string path)
    {
        using var client = await app.SignedInAsync("drift");
        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("styrtecken", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public void SignInThrottle_AfterTheLimit_RefusesTheAddressUntilTheWindowPasses()
    {
        var clock = new ManualClock();
        var throttle = new SignInThrottle(new ConfigurationBuilder().Build(), clock);

        for (var i = 0; i < 4; i++)
        {
            Assert.True(throttle.MayTry("10.0.0.5"));
            throttle.Failed("10.0.0.5");
        }

        Assert.False(throttle.MayTry("10.0.0.5"));
        Assert.True(throttle.MayTry("10.0.0.6"));
        clock.Advance(SignInThrottle.Window);
        Assert.True(throttle.MayTry("10.0.0.5"));
    }

    private sealed class ManualClock : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 12, 7, 8, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
