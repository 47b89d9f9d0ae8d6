using System.Net;
using Dapper;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;

namespace Sourcing.Tests.Web;

[Collection("Web")]
public sealed class WebAccessTests(WebAppFixture app)
{
    public enum Expect
    {
        Ok,
        Denied,
    }

    // Path, then what Drift, Sourcing and Ledning get. Anonymous always goes to sign-in (401 for APIs).
    public static TheoryData<string, Expect, Expect, Expect> Matrix => new()
    {
        { "/", Expect.Ok, Expect.Ok, Expect.Ok },
        { "/Inventory", Expect.Ok, Expect.Ok, Expect.Denied },
        { "/Inventory?handler=Csv", Expect.Ok, Expect.Ok, Expect.Denied },
        { "/Inventory/Resource/{vm}", Expect.Ok, Expect.Ok, Expect.Denied },
        { "/Inventory/Trend", Expect.Ok, Expect.Ok, Expect.Denied },
        { "/Inventory/Trend?handler=Csv&period=1y", Expect.Ok, Expect.Ok, Expect.Denied },
        { "/Scans", Expect.Ok, Expect.Denied, Expect.Denied },
        { "/Scans?handler=Csv", Expect.Ok, Expect.Denied, Expect.Denied },
        { "/Sources", Expect.Ok, Expect.Denied, Expect.Denied },
        { "/Sources?handler=Csv", Expect.Ok, Expect.Denied, Expect.Denied },
        { "/Sources/Edit", Expect.Ok, Expect.Denied, Expect.Denied },
        { "/Sources/Edit?kind=azure", Expect.Ok, Expect.Denied, Expect.Denied },
        { "/hangfire", Expect.Ok, Expect.Denied, Expect.Denied },
        { "/api/scans/progress", Expect.Ok, Expect.Denied, Expect.Denied },
        { "/Scenarios", Expect.Denied, Expect.Ok, Expect.Denied },
        { "/Scenarios/Edit/" + Uri.EscapeDataString(PlanningSeed.Calm), Expect.Denied, Expect.Ok, Expect.Denied },
        { "/Scenarios?handler=Export&name=" + Uri.EscapeDataString(PlanningSeed.Calm), Expect.Denied, Expect.Ok, Expect.Denied },
        { "/Scenarios?handler=Csv", Expect.Denied, Expect.Ok, Expect.Denied },
        { "/Scenarios/Delete/" + Uri.EscapeDataString(PlanningSeed.Calm), Expect.Denied, Expect.Ok, Expect.Denied },
        { "/Scenarios/Deleted", Expect.Denied, Expect.Ok, Expect.Denied },
        { "/Economics", Expect.Denied, Expect.Ok, Expect.Ok },
        { "/Forecast/Decision", Expect.Denied, Expect.Ok, Expect.Ok },
        { "/Forecast", Expect.Denied, Expect.Ok, Expect.Ok },
        { "/Forecast?handler=Xlsx", Expect.Denied, Expect.Ok, Expect.Ok },
        { "/Forecast?handler=Csv", Expect.Denied, Expect.Ok, Expect.Ok },
        { "/Forecast?handler=CsvWaves", Expect.Denied, Expect.Ok, Expect.Ok },
        { "/Forecast/Compare", Expect.Denied, Expect.Ok, Expect.Ok },
        { "/Forecast/Compare?handler=Csv", Expect.Denied, Expect.Ok, Expect.Ok },
        { "/Forecast/Compare?handler=CsvYears", Expect.Denied, Expect.Ok, Expect.Ok },
        { "/Forecast/Compare?handler=CsvAssumptions", Expect.Denied, Expect.Ok, Expect.Ok },
        { "/Forecast/Sensitivity", Expect.Denied, Expect.Ok, Expect.Ok },
        { "/Forecast/Sensitivity?handler=Csv", Expect.Denied, Expect.Ok, Expect.Ok },
        { "/Reports/Board", Expect.Denied, Expect.Ok, Expect.Ok },
        { "/Reports/Board?handler=CsvAssumptions", Expect.Denied, Expect.Ok, Expect.Ok },
        { "/Reports/Board?handler=Xlsx&names=Utskrift%20till%20leverant%C3%B6r%202027", Expect.Denied, Expect.Ok, Expect.Ok },
        { "/api/scenarios", Expect.Denied, Expect.Ok, Expect.Ok },
        { "/api/scenarios/" + Uri.EscapeDataString(PlanningSeed.Calm), Expect.Denied, Expect.Ok, Expect.Ok },
        { "/api/scenarios/" + Uri.EscapeDataString(PlanningSeed.Calm) + "/forecast", Expect.Denied, Expect.Ok, Expect.Ok },
        { "/api/openapi.json", Expect.Denied, Expect.Ok, Expect.Ok },
        { "/Systems", Expect.Ok, Expect.Ok, Expect.Denied },
        { "/Systems?handler=Csv", Expect.Ok, Expect.Ok, Expect.Denied },
        { "/Systems?handler=Xlsx", Expect.Ok, Expect.Ok, Expect.Denied },
        { "/Systems/Detail?id={system}", Expect.Ok, Expect.Ok, Expect.Denied },
        { "/Systems/Detail?handler=CsvGate&id={system}", Expect.Ok, Expect.Ok, Expect.Denied },
        { "/Systems/Detail?handler=CsvAttributes&id={system}", Expect.Ok, Expect.Ok, Expect.Denied },
        { "/Systems/Detail?handler=CsvResources&id={system}", Expect.Ok, Expect.Ok, Expect.Denied },
        { "/Systems/Detail?handler=CsvDecisions&id={system}", Expect.Ok, Expect.Ok, Expect.Denied },
        { "/Mapping", Expect.Ok, Expect.Ok, Expect.Denied },
        { "/Mapping?handler=CsvUnmapped", Expect.Ok, Expect.Ok, Expect.Denied },
        { "/Mapping?handler=CsvRules", Expect.Ok, Expect.Ok, Expect.Denied },
        { "/Mapping?handler=CsvConflicts", Expect.Ok, Expect.Ok, Expect.Denied },
        { "/Mapping/Hand", Expect.Ok, Expect.Ok, Expect.Denied },
        { "/Imports", Expect.Ok, Expect.Ok, Expect.Denied },
        { "/Settings", Expect.Ok, Expect.Ok, Expect.Denied },
        { "/Settings/History", Expect.Ok, Expect.Ok, Expect.Denied },
        { "/Settings/Rule?id=K3", Expect.Denied, Expect.Ok, Expect.Denied },
        { "/Settings/Rule", Expect.Denied, Expect.Ok, Expect.Denied },
        { "/Settings/Parameters/weights", Expect.Denied, Expect.Ok, Expect.Denied },
        { "/Settings/Parameters/effort", Expect.Denied, Expect.Ok, Expect.Denied },
        { "/Suppliers", Expect.Ok, Expect.Ok, Expect.Denied },
        { "/Users", Expect.Ok, Expect.Denied, Expect.Denied },
        { "/Users/Add", Expect.Ok, Expect.Denied, Expect.Denied },
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Endpoint_EachRole_GetsOkOrDenied(string path, Expect drift, Expect sourcing, Expect ledning)
    {
        path = path.Replace("{vm}", app.ScriptVmId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{system}", app.SystemId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var isApi = path.StartsWith("/api/", StringComparison.Ordinal);

        using (var anonymous = app.Anonymous())
        using (var response = await anonymous.GetAsync(path))
        {
            if (isApi)
            {
                Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            }
            else
            {
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                Assert.StartsWith("/Account/SignIn", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
            }
        }

        foreach (var (user, expect) in new[] { ("drift", drift), ("sourcing", sourcing), ("ledning", ledning) })
        {
            using var client = await app.SignedInAsync(user);
            using var response = await client.GetAsync(path);
            if (expect == Expect.Ok)
            {
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{user} {path}: {response.StatusCode}");
            }
            else if (isApi)
            {
                Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{user} {path}: {response.StatusCode}");
            }
            else
            {
                Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{user} {path}: {response.StatusCode}");
                Assert.StartsWith("/Account/Denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task Overview_UserWithoutRole_IsDenied()
    {
        using var client = await app.SignedInAsync("norole");

        using var response = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        using var denied = await client.GetAsync(response.Headers.Location);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Contains("ingen roll", await denied.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    [InlineData("/Account/SignIn")]
    public async Task OpenEndpoint_Anonymous_IsOk(string path)
    {
        using var client = app.Anonymous();
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>
    /// An unknown address gets a Swedish page with status 404 for a signed-in person (not an empty page); a signed-out
    /// person is sent to sign in first, as for any address, so nothing tells which addresses exist. The API keeps a bare 404.
    /// </summary>
    [Fact]
    public async Task UnknownAddress_SwedishPageWith404_ApiStaysBare()
    {
        using var signedIn = await app.SignedInAsync("ledning");
        using var response = await signedIn.GetAsync("/finns-inte/alls");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("<h1>Sidan finns inte</h1>", html, StringComparison.Ordinal);
        Assert.Contains("Kontrollera adressen", html, StringComparison.Ordinal);

        using var anonymous = app.Anonymous();
        using var signedOut = await anonymous.GetAsync("/finns-inte/alls");
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.StartsWith("/Account/SignIn", signedOut.Headers.Location!.PathAndQuery, StringComparison.Ordinal);

        using var api = await signedIn.GetAsync("/api/finns-inte");
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.DoesNotContain("<html", await api.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task SignIn_WrongPassword_ShowsErrorAndStaysSignedOut()
    {
        using var client = app.Anonymous();
        using var response = await WebAppFixture.SignInAsync(client, "drift", "wrong-password");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Fel användarnamn eller lösenord", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
    }

    [Fact]
    public async Task SignIn_FiveFailures_LocksAccountEvenForRightPassword()
    {
        using var client = app.Anonymous();
        for (var i = 0; i < 5; i++)
        {
            using var failed = await WebAppFixture.SignInAsync(client, "lockme", "wrong-" + i);
            Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        }

        using var response = await WebAppFixture.SignInAsync(client, "lockme", WebAppFixture.Password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // The same words as a wrong password: the page does not tell that the account exists or is locked.
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Fel användarnamn eller lösenord", html, StringComparison.Ordinal);
        Assert.DoesNotContain("låst", html, StringComparison.Ordinal);
        await using var connection = await app.Database.DataSource.OpenConnectionAsync();
        var until = await connection.ExecuteScalarAsync<DateTime?>("SELECT lockout_until FROM sourcing.app_user WHERE user_name = 'lockme'");
        Assert.NotNull(until);
        Assert.True(until > DateTime.UtcNow.AddMinutes(14));
    }

    [Fact]
    public async Task AnyPage_Response_HasSecurityHeaders()
    {
        using var client = app.Anonymous();
        using var response = await client.GetAsync("/Account/SignIn");

        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task Pages_Html_HasNoInlineScriptOrStyleAttribute()
    {
        using var client = await app.SignedInAsync("drift");
        foreach (var path in new[] { "/", "/Inventory", "/Scans", "/Sources", $"/Inventory/Resource/{app.ScriptVmId}", "/Systems", $"/Systems/Detail?id={app.SystemId}", "/Mapping", "/Imports" })
        {
            var html = await client.GetStringAsync(path);
            Assert.DoesNotMatch("<script(?![^>]*\\bsrc=)[^>]*>", html);
            Assert.DoesNotContain(" style=\"", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Inventory_VmNamedScript_IsEncoded()
    {
        using var client = await app.SignedInAsync("drift");

        var list = await client.GetStringAsync("/Inventory?q=script");
        var detail = await client.GetStringAsync($"/Inventory/Resource/{app.ScriptVmId}");

        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", list, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(1)", list, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(1)", detail, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;HSF&lt;/b&gt;", detail, StringComparison.Ordinal);
        Assert.Contains("<span class=\"field-name\">vCPU</span>", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InventoryCsv_FormulaName_IsNeutralisedAndQuoted()
    {
        using var client = await app.SignedInAsync("sourcing");

        using var response = await client.GetAsync("/Inventory?handler=Csv&q=hyperlink");
        var csv = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var lines = csv.TrimStart('\uFEFF').Split("\r\n".ToCharArray(), StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("source;kind;name;", lines[0], StringComparison.Ordinal);
        Assert.Contains(";\"'=HYPERLINK(\"\"http://evil\"\",\"\"klick\"\")\";", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task InventoryCsv_Filter_ExportsAllPagesOfIt()
    {
        using var client = await app.SignedInAsync("drift");

        var csv = await client.GetStringAsync("/Inventory?handler=Csv&cluster=Prod&power=on&size=25");

        // web-002 … web-120 even (60) + the <script> VM; removed resources are not in the inventory.
        Assert.Equal(61 + 1, csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task Inventory_PageAndFilterInUrl_ShowRightSliceAndLinks()
    {
        using var client = await app.SignedInAsync("drift");

        var html = await client.GetStringAsync("/Inventory?q=web-&size=25&p=2&sort=name&dir=desc");

        Assert.Contains("Visar 26–50 av 120 resurser", html, StringComparison.Ordinal);
        Assert.Contains(">web-095<", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">web-096<", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/Inventory?q=web-&amp;dir=desc&amp;size=25&amp;p=3\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("web-removed", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inventory_FilterByCluster_CountsOnlyThatCluster()
    {
        using var client = await app.SignedInAsync("drift");

        var html = await client.GetStringAsync($"/Inventory?cluster=Test&source={app.SourceId}");

        // 60 odd web servers + the formula VM.
        Assert.Contains("Visar 1–50 av 61 resurser", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScanNow_Drift_EnqueuesScanJob()
    {
        using var client = await app.SignedInAsync("drift");
        var storage = app.Factory.Services.GetRequiredService<JobStorage>();
        var before = storage.GetMonitoringApi().EnqueuedCount("default");
        var token = await WebAppFixture.TokenAsync(client, "/Sources");

        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        using var response = await client.PostAsync($"/Sources?handler=Scan&id={app.SourceId}", form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/Scans?awaiting={app.SourceId}", response.Headers.Location!.OriginalString);
        Assert.Equal(before + 1, storage.GetMonitoringApi().EnqueuedCount("default"));

        // The scans page waits for the queued job (no Hangfire server here, so it never starts) and says so.
        var html = await client.GetStringAsync($"/Scans?awaiting={app.SourceId}");
        Assert.Contains($"data-source-id=\"{app.SourceId}\"", html, StringComparison.Ordinal);
        Assert.Contains("Väntar på att skanningen av vcenter-visby ska starta", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScanNow_WithoutAntiforgeryToken_IsRejected()
    {
        using var client = await app.SignedInAsync("drift");

        using var response = await client.PostAsync($"/Sources?handler=Scan&id={app.SourceId}", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Language_English_ChangesTexts()
    {
        using var client = app.Anonymous();
        var token = await WebAppFixture.TokenAsync(client, "/Account/SignIn");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["culture"] = "en-GB",
            ["returnUrl"] = "/Account/SignIn",
            ["__RequestVerificationToken"] = token,
        });
        using var response = await client.PostAsync("/Language", form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var html = await client.GetStringAsync("/Account/SignIn");
        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("User name", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scans_History_ShowsSwedishStatusAndErrors()
    {
        using var client = await app.SignedInAsync("drift");

        var html = await client.GetStringAsync("/Scans");

        Assert.Contains("ofullständig", html, StringComparison.Ordinal);
        Assert.Contains("Värd esx-07 svarade inte", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Overview_Trend_EndsAtCurrentVmCountWithTableAlternative()
    {
        using var client = await app.SignedInAsync("ledning");

        var html = await client.GetStringAsync("/");

        // 120 web servers + the <script> VM + the formula VM; the removed one no longer counts.
        Assert.Contains("till 122 under perioden", html, StringComparison.Ordinal);
        Assert.Contains("<canvas id=\"vm-trend\"", html, StringComparison.Ordinal);
        Assert.Contains("Visa som tabell", html, StringComparison.Ordinal);
        Assert.Contains("Styrelsens första scenario: " + PlanningSeed.Calm, html, StringComparison.Ordinal);
        Assert.DoesNotContain("Skanningarnas hälsa", html, StringComparison.Ordinal);
    }
}
