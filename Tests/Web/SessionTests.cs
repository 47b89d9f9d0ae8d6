using System.Net;
using Dapper;

namespace Sourcing.Tests.Web;

/// <summary>Sessions end when the user ends them: sign-out ends the server-side session, so a copied cookie opens nothing.</summary>
[Collection("Web")]
public sealed class SessionTests(WebAppFixture app)
{
    [Fact]
    public async Task SignOut_CopiedCookie_IsRefusedAfterwards()
    {
        var cookies = new CookieContainer();
        using var browser = Client(cookies);
        using (var signIn = await WebAppFixture.SignInAsync(browser, "sourcing", WebAppFixture.Password))
        {
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        }

        var copied = cookies.GetCookies(app.BaseAddress)["sourcing.auth"]!.Value;
        using var thief = Client(Jar(copied));
        using (var before = await thief.GetAsync("/Systems"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        var token = await WebAppFixture.TokenAsync(browser, "/");
        using (var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }))
        using (var signOut = await browser.PostAsync("/Account/SignOut", form))
        {
            Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        }

        using var after = await thief.GetAsync("/Systems");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/Account/SignIn", after.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        using var thief2 = Client(Jar(copied));
        using var api = await thief2.GetAsync("/api/scans/progress");
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);

        await using var connection = await app.Database.DataSource.OpenConnectionAsync();
        Assert.True(await connection.ExecuteScalarAsync<bool>(
            "SELECT ended_at IS NOT NULL FROM sourcing.app_session WHERE user_name = 'sourcing' ORDER BY created_at DESC LIMIT 1"));
    }

    [Fact]
    public async Task SignIn_TwoBrowsers_SigningOutOneKeepsTheOther()
    {
        using var first = await app.SignedInAsync("ledning");
        using var second = await app.SignedInAsync("ledning");

        var token = await WebAppFixture.TokenAsync(first, "/");
        using (var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }))
        using (var signOut = await first.PostAsync("/Account/SignOut", form))
        {
            Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        }

        using var stillIn = await second.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, stillIn.StatusCode);
    }

    private CookieContainer Jar(string authCookie)
    {
        var jar = new CookieContainer();
        jar.Add(app.BaseAddress, new Cookie("sourcing.auth", authCookie));
        return jar;
    }

    private HttpClient Client(CookieContainer cookies) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = cookies }, disposeHandler: true)
        {
            BaseAddress = app.BaseAddress,
        };
}
