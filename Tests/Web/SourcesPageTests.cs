using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Dapper;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using Sourcing.Collector.Scans;
using Sourcing.Collector.Sources;
using Sourcing.Tests.Simulators.VCenter;

namespace Sourcing.Tests.Web;

/// <summary>The sources page: adding and changing vCenter and Azure sources, the certificate check, turning scans off, CSV.</summary>
[Collection("Web")]
public sealed class SourcesPageTests(WebAppFixture app)
{
    private const string Password = "Hemligt-lösen#42";

    [Fact]
    public async Task Add_VSphere_StoresEncryptedPasswordAndSchedulesScan()
    {
        var name = Unique("vc-ny");
        using var client = await app.SignedInAsync("drift");

        using var response = await PostAsync(client, "/Sources/Edit", VSphere(name, ("Input.Schedule", "0 3 * * 1-5"), ("Input.Thumbprint", new string('a', 64))));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Sources", response.Headers.Location!.OriginalString);
        var row = await RowAsync(name);
        Assert.NotNull(row);
        try
        {
            Assert.Equal("vsphere", row.Kind);
            Assert.Equal("https://vcenter-ny.region.se", row.Url);
            Assert.Equal("svc-sourcing@vsphere.local", row.Username);
            Assert.Null(row.SecretEnv);
            Assert.NotNull(row.SecretProtected);
            Assert.NotEqual(Password, row.SecretProtected);
            Assert.Equal(new string('a', 64), row.Thumbprint);
            Assert.False(row.Insecure);
            Assert.True(row.Enabled);
            Assert.Equal(8, row.MaxConcurrency);
            // The whole stored row, as text, does not hold the password; the resolver can still decrypt it.
            Assert.DoesNotContain(Password, await RowTextAsync(row.Id), StringComparison.Ordinal);
            Assert.Equal(Password, app.Factory.Services.GetRequiredService<SecretResolver>().Resolve(row).Secret!.Reveal());

            var job = RecurringJob(row.Id);
            Assert.NotNull(job);
            Assert.Equal("0 3 * * 1-5", job.Cron);
            Assert.Equal("Europe/Stockholm", job.TimeZoneId);

            var list = await client.GetStringAsync("/Sources");
            var edit = await client.GetStringAsync($"/Sources/Edit/{row.Id}");
            Assert.Contains(name, list, StringComparison.Ordinal);
            Assert.Contains($"value=\"{name}\"", edit, StringComparison.Ordinal);
            foreach (var html in new[] { list, edit })
            {
                Assert.DoesNotContain(Password, html, StringComparison.Ordinal);
                Assert.DoesNotContain(WebUtility.HtmlEncode(Password), html, StringComparison.Ordinal);
                Assert.DoesNotContain(row.SecretProtected, html, StringComparison.Ordinal);
            }

            Assert.Contains("En krypterad hemlighet är sparad", edit, StringComparison.Ordinal);
        }
        finally
        {
            await DeleteAsync(row.Id);
        }
    }

    [Fact]
    public async Task Get_NewVSphere_ShowsDefaultsAndTheirSwedishMeaning()
    {
        using var client = await app.SignedInAsync("drift");

        var html = await client.GetStringAsync("/Sources/Edit");

        Assert.Contains("<h1>Lägg till källa: vSphere</h1>", html, StringComparison.Ordinal);
        Assert.Contains("value=\"0 2 * * *\"", html, StringComparison.Ordinal);
        Assert.Contains("0 2 * * * betyder: varje natt kl. 02:00.", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Europe/Stockholm\"", html, StringComparison.Ordinal);
        Assert.Contains("<label for=\"Input_Url\">", html, StringComparison.Ordinal);
        Assert.Matches("<button [^>]*formaction=\"/Sources/Edit\\?handler=Certificate\"[^>]*>Hämta certifikatets tumavtryck</button>", html);
        Assert.DoesNotContain("insecure", html, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("Input.Url", "http://vcenter.region.se", "Adress (URL): måste vara en fullständig adress som börjar med https://", "Input_Url-error")]
    [InlineData("Input.Schedule", "0 25 * * *", "Schema (cron): är inte ett giltigt cron-uttryck", "Input_Schedule-error")]
    [InlineData("Input.Schedule", "varje natt", "Schema (cron): är inte ett giltigt cron-uttryck", "Input_Schedule-error")]
    [InlineData("Input.Thumbprint", "AB:CD:EF", "Certifikatets tumavtryck (SHA-256): ska vara ett SHA-256-tumavtryck", "Input_Thumbprint-error")]
    [InlineData("Input.Thumbprint", "zz00000000000000000000000000000000000000000000000000000000000000", "Certifikatets tumavtryck (SHA-256): ska vara", "Input_Thumbprint-error")]
    [InlineData("Input.TimeZone", "Mars/Olympus", "Tidszon: okänd tidszon", "Input_TimeZone-error")]
    [InlineData("Input.MaxConcurrency", "65", "Samtidiga anrop: ska vara ett heltal från 1 till 64", "Input_MaxConcurrency-error")]
    [InlineData("Input.Secret", "", "Lösenord: måste anges för en ny källa", "Input_Secret-error")]
    public async Task Add_InvalidField_ShowsSwedishErrorAndSavesNothing(string field, string value, string message, string errorId)
    {
        var name = Unique("vc-fel");
        using var client = await app.SignedInAsync("drift");

        using var response = await PostAsync(client, "/Sources/Edit", VSphere(name, (field, value)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Inget sparades", html, StringComparison.Ordinal);
        Assert.Contains(message, html, StringComparison.Ordinal);
        // The field points at its error, and the error is linked from the summary.
        Assert.Contains($"id=\"{errorId}\"", html, StringComparison.Ordinal);
        Assert.Matches($"aria-invalid=\"true\" aria-describedby=\"[^\"]*{errorId}", html);
        Assert.DoesNotContain(Password, html, StringComparison.Ordinal);
        Assert.Null(await RowAsync(name));
    }

    [Fact]
    public async Task Add_DuplicateName_ShowsSwedishErrorAndSavesNothing()
    {
        using var client = await app.SignedInAsync("drift");

        using var response = await PostAsync(client, "/Sources/Edit", VSphere("vcenter-visby", ("Input.Url", "https://annan.region.se")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Namn: det finns redan en källa som heter ”vcenter-visby”", html, StringComparison.Ordinal);
        Assert.Equal("https://vcenter.example", (await RowAsync("vcenter-visby"))!.Url);
    }

    [Fact]
    public async Task Edit_EmptyPassword_KeepsStoredSecretAndUpdatesSchedule()
    {
        var name = Unique("vc-andra");
        using var client = await app.SignedInAsync("drift");
        using (var added = await PostAsync(client, "/Sources/Edit", VSphere(name)))
        {
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        }

        var before = (await RowAsync(name))!;
        try
        {
            var renamed = name + "-b";
            using var response = await PostAsync(client, $"/Sources/Edit/{before.Id}", VSphere(renamed,
                ("Input.Secret", ""), ("Input.Schedule", "30 4 * * *"), ("Input.MaxConcurrency", "4")));

            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            var after = (await RowAsync(renamed))!;
            Assert.Equal(before.Id, after.Id);
            Assert.Equal(before.SecretProtected, after.SecretProtected);
            Assert.Equal("30 4 * * *", after.Schedule);
            Assert.Equal(4, after.MaxConcurrency);
            Assert.Equal("30 4 * * *", RecurringJob(after.Id)!.Cron);

            // A new password replaces the stored one; a variable name replaces it with nothing stored.
            using (var changed = await PostAsync(client, $"/Sources/Edit/{before.Id}", VSphere(renamed, ("Input.Secret", "Nytt-lösen-1"))))
            {
                Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
            }

            var withNew = (await RowAsync(renamed))!;
            Assert.NotEqual(before.SecretProtected, withNew.SecretProtected);
            Assert.Equal("Nytt-lösen-1", app.Factory.Services.GetRequiredService<SecretResolver>().Resolve(withNew).Secret!.Reveal());

            using (var env = await PostAsync(client, $"/Sources/Edit/{before.Id}", VSphere(renamed,
                ("Input.Secret", ""), ("Input.SecretMode", "env"), ("Input.SecretEnv", "SOURCING_SECRET_VCENTER"))))
            {
                Assert.Equal(HttpStatusCode.Redirect, env.StatusCode);
            }

            var fromEnv = (await RowAsync(renamed))!;
            Assert.Equal("SOURCING_SECRET_VCENTER", fromEnv.SecretEnv);
            Assert.Null(fromEnv.SecretProtected);
        }
        finally
        {
            await DeleteAsync(before.Id);
        }
    }

    [Fact]
    public async Task Edit_Disable_RemovesRecurringJobAndEnableAddsItBack()
    {
        var name = Unique("vc-av");
        using var client = await app.SignedInAsync("drift");
        using (var added = await PostAsync(client, "/Sources/Edit", VSphere(name)))
        {
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        }

        var row = (await RowAsync(name))!;
        try
        {
            Assert.NotNull(RecurringJob(row.Id));

            // Unticked checkbox: only the hidden "false" is posted.
            using (var response = await PostAsync(client, $"/Sources/Edit/{row.Id}", VSphere(name, ("Input.Secret", ""), ("Input.Enabled", "false"))))
            {
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            }

            Assert.False((await RowAsync(name))!.Enabled);
            Assert.Null(RecurringJob(row.Id));
            Assert.Contains("avstängd", await client.GetStringAsync("/Sources"), StringComparison.Ordinal);

            using (var enable = await PostAsync(client, $"/Sources?handler=Enabled&id={row.Id}&enabled=true", []))
            {
                Assert.Equal(HttpStatusCode.Redirect, enable.StatusCode);
            }

            Assert.True((await RowAsync(name))!.Enabled);
            Assert.NotNull(RecurringJob(row.Id));

            using (var disable = await PostAsync(client, $"/Sources?handler=Enabled&id={row.Id}&enabled=false", []))
            {
                Assert.Equal(HttpStatusCode.Redirect, disable.StatusCode);
            }

            Assert.Null(RecurringJob(row.Id));
            Assert.NotNull(await RowAsync(name));
        }
        finally
        {
            await DeleteAsync(row.Id);
        }
    }

    [Fact]
    public async Task Add_Azure_StoresSettingsLikeTheCliAndEncryptedSecret()
    {
        var name = Unique("az-ny");
        var tenant = Guid.NewGuid().ToString();
        var subscriptions = new[] { Guid.NewGuid().ToString(), Guid.NewGuid().ToString() };
        using var client = await app.SignedInAsync("drift");

        using var response = await PostAsync(client, "/Sources/Edit", new()
        {
            ["Input.Kind"] = "azure",
            ["Input.Name"] = name,
            ["Input.TenantId"] = tenant,
            ["Input.Subscriptions"] = string.Join("\r\n", subscriptions),
            ["Input.Credential"] = "secret",
            ["Input.ClientId"] = "11111111-2222-3333-4444-555555555555",
            ["Input.SecretMode"] = "stored",
            ["Input.Secret"] = Password,
            ["Input.Schedule"] = "0 2 * * *",
            ["Input.TimeZone"] = "Europe/Stockholm",
            ["Input.MaxConcurrency"] = "8",
            ["Input.Enabled"] = "true",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var row = (await RowAsync(name))!;
        try
        {
            Assert.Equal("azure", row.Kind);
            Assert.Equal("https://management.azure.com/", row.Url);
            var settings = (JsonObject)JsonNode.Parse(row.SettingsJson)!;
            Assert.Equal(tenant, settings["tenantId"]!.GetValue<string>());
            Assert.Equal(subscriptions, settings["subscriptions"]!.AsArray().Select(s => s!.GetValue<string>()));
            Assert.Equal("secret", settings["credential"]!.GetValue<string>());
            Assert.Equal("11111111-2222-3333-4444-555555555555", settings["clientId"]!.GetValue<string>());
            Assert.DoesNotContain(Password, await RowTextAsync(row.Id), StringComparison.Ordinal);
            Assert.Equal(Password, app.Factory.Services.GetRequiredService<SecretResolver>().Resolve(row).Secret!.Reveal());
            Assert.NotNull(RecurringJob(row.Id));

            var edit = await client.GetStringAsync($"/Sources/Edit/{row.Id}");
            Assert.Contains(subscriptions[1], edit, StringComparison.Ordinal);
            Assert.DoesNotContain(Password, edit, StringComparison.Ordinal);
        }
        finally
        {
            await DeleteAsync(row.Id);
        }
    }

    [Fact]
    public async Task Add_AzureBadSubscription_NamesTheField()
    {
        var name = Unique("az-fel");
        using var client = await app.SignedInAsync("drift");

        using var response = await PostAsync(client, "/Sources/Edit", new()
        {
            ["Input.Kind"] = "azure",
            ["Input.Name"] = name,
            ["Input.TenantId"] = "region.onmicrosoft.com",
            ["Input.Subscriptions"] = "inte-en-guid",
            ["Input.Credential"] = "managed-identity",
            ["Input.Schedule"] = "0 2 * * *",
            ["Input.TimeZone"] = "Europe/Stockholm",
            ["Input.MaxConcurrency"] = "8",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Prenumerationer: ”inte-en-guid” är inte ett prenumerations-id", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Null(await RowAsync(name));
    }

    [Fact]
    public async Task FetchThumbprint_Simulator_ShowsItsThumbprintForConfirmation()
    {
        await using var simulator = await VCenterSimulator.StartAsync(new VCenterSimulatorOptions { Vms = 5 });
        using var client = await app.SignedInAsync("drift");

        using var response = await PostAsync(client, "/Sources/Edit?handler=Certificate", VSphere(Unique("vc-cert"), ("Input.Url", simulator.Url)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Matches($"<button [^>]*name=\"probed\" value=\"{simulator.Thumbprint}\"[^>]*formaction=\"/Sources/Edit\\?handler=UseThumbprint\"", html);
        Assert.Contains("CN=vcenter-simulator", html, StringComparison.Ordinal);
        Assert.Contains("Inte godkänt av serverns betrodda CA", html, StringComparison.Ordinal);
        Assert.Contains("fylls av säkerhetsskäl inte i igen", html, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, html, StringComparison.Ordinal);
        // Reading the certificate never completes the handshake: nothing reached the simulator.
        Assert.Equal(0, simulator.Calls);

        // Confirming puts it in the thumbprint field, still unsaved.
        using var confirmed = await PostAsync(client, "/Sources/Edit?handler=UseThumbprint",
            VSphere(Unique("vc-cert"), ("Input.Url", simulator.Url), ("probed", simulator.Thumbprint)));
        var form = await confirmed.Content.ReadAsStringAsync();
        Assert.Matches($"id=\"Input_Thumbprint\" name=\"Input.Thumbprint\" value=\"{simulator.Thumbprint.ToLowerInvariant()}\"", form);
    }

    [Fact]
    public async Task FetchThumbprint_ClosedPort_ShowsSwedishError()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var client = await app.SignedInAsync("drift");

        using var response = await PostAsync(client, "/Sources/Edit?handler=Certificate", VSphere(Unique("vc-cert"), ("Input.Url", $"https://127.0.0.1:{port}")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("id=\"probe-error\"", html, StringComparison.Ordinal);
        Assert.Contains("Certifikatet kunde inte läsas", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchThumbprint_HttpUrl_IsRefusedWithoutConnecting()
    {
        using var client = await app.SignedInAsync("drift");

        using var response = await PostAsync(client, "/Sources/Edit?handler=Certificate", VSphere(Unique("vc-cert"), ("Input.Url", "http://127.0.0.1:1")));

        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Adress (URL): måste vara en fullständig adress som börjar med https://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"probe-error\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Csv_Sources_QuotedNeutralisedWithBomAndNoSecret()
    {
        var unique = Unique("x");
        var name = "=HYPERLINK(\"http://evil\",\"" + unique + "\")";
        using var client = await app.SignedInAsync("drift");
        using (var added = await PostAsync(client, "/Sources/Edit", VSphere(name)))
        {
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        }

        var row = (await RowAsync(name))!;
        try
        {
            // The machine form (comma-separated) keeps this test's lines simple to read.
            using var response = await client.GetAsync("/Sources?handler=Csv&format=maskin");
            var bytes = await response.Content.ReadAsByteArrayAsync();
            var csv = System.Text.Encoding.UTF8.GetString(bytes);

            Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
            Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
            var lines = csv.TrimStart('\uFEFF').Split("\r\n".ToCharArray(), StringSplitOptions.RemoveEmptyEntries);
            Assert.StartsWith("name,kind,url,username,secret,", lines[0], StringComparison.Ordinal);
            Assert.Contains(lines, l => l.StartsWith("vcenter-visby,vsphere,https://vcenter.example,", StringComparison.Ordinal));
            var line = Assert.Single(lines, l => l.Contains(unique, StringComparison.Ordinal));
            Assert.StartsWith("\"'=HYPERLINK(\"\"http://evil\"\",", line, StringComparison.Ordinal);
            Assert.Contains(",encrypted,", line, StringComparison.Ordinal);
            Assert.DoesNotContain(row.SecretProtected!, csv, StringComparison.Ordinal);
            Assert.DoesNotContain(Password, csv, StringComparison.Ordinal);
        }
        finally
        {
            await DeleteAsync(row.Id);
        }
    }

    [Theory]
    [InlineData("sourcing")]
    [InlineData("ledning")]
    public async Task Post_OtherRoles_AreDeniedAndNothingSaved(string user)
    {
        var name = Unique("vc-neka");
        using var client = await app.SignedInAsync(user);
        // Antiforgery tokens belong to the user, not the page: any page of theirs gives one.
        var token = await WebAppFixture.TokenAsync(client, "/");

        foreach (var path in new[] { "/Sources/Edit", "/Sources/Edit?handler=Certificate", $"/Sources?handler=Enabled&id={app.SourceId}&enabled=false" })
        {
            var fields = VSphere(name);
            fields["__RequestVerificationToken"] = token;
            using var content = new FormUrlEncodedContent(fields);
            using var response = await client.PostAsync(path, content);

            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Account/Denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }

        Assert.Null(await RowAsync(name));
        Assert.True((await RowAsync("vcenter-visby"))!.Enabled);
    }

    [Fact]
    public async Task Post_WithoutAntiforgeryToken_IsRejected()
    {
        using var client = await app.SignedInAsync("drift");
        using var content = new FormUrlEncodedContent(VSphere(Unique("vc-csrf")));

        using var response = await client.PostAsync("/Sources/Edit", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..8];

    private static Dictionary<string, string> VSphere(string name, params (string Field, string Value)[] overrides)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.Kind"] = "vsphere",
            ["Input.Name"] = name,
            ["Input.Url"] = "https://vcenter-ny.region.se/",
            ["Input.UserName"] = "svc-sourcing@vsphere.local",
            ["Input.SecretMode"] = "stored",
            ["Input.Secret"] = Password,
            ["Input.Thumbprint"] = "",
            ["Input.MaxConcurrency"] = "8",
            ["Input.Schedule"] = "0 2 * * *",
            ["Input.TimeZone"] = "Europe/Stockholm",
            ["Input.Enabled"] = "true",
        };
        foreach (var (field, value) in overrides)
        {
            fields[field] = value;
        }

        return fields;
    }

    [Fact]
    public async Task Edit_ChangedUrlWithoutSecret_AsksForItAgainAndKeepsTheSource()
    {
        var name = Unique("vc-flytt");
        using var client = await app.SignedInAsync("drift");
        using (var added = await PostAsync(client, "/Sources/Edit", VSphere(name)))
        {
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        }

        var before = (await RowAsync(name))!;
        try
        {
            using var moved = await PostAsync(client, $"/Sources/Edit/{before.Id}", VSphere(name,
                ("Input.Url", "https://angripare.example.com"), ("Input.Secret", "")));

            Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
            var html = WebUtility.HtmlDecode(await moved.Content.ReadAsStringAsync());
            Assert.Contains("Lösenord: adressen, användaren eller tenanten har ändrats", html, StringComparison.Ordinal);
            var after = (await RowAsync(name))!;
            Assert.Equal(before.Url, after.Url);
            Assert.Equal(before.SecretProtected, after.SecretProtected);

            // Another user name is a new account too.
            using var otherUser = await PostAsync(client, $"/Sources/Edit/{before.Id}", VSphere(name,
                ("Input.UserName", "administrator@vsphere.local"), ("Input.Secret", "")));
            Assert.Equal(HttpStatusCode.OK, otherUser.StatusCode);
            Assert.Equal(before.Username, (await RowAsync(name))!.Username);
        }
        finally
        {
            await DeleteAsync(before.Id);
        }
    }

    [Theory]
    [InlineData("HOME")]
    [InlineData("ConnectionStrings__Sourcing")]
    [InlineData("Authentication__Oidc__ClientSecret")]
    [InlineData("SOURCING_SECRET_")]
    public async Task Add_SecretEnvOutsideAllowedNames_IsRefusedAndNothingSaved(string variable)
    {
        var name = Unique("vc-env");
        using var client = await app.SignedInAsync("drift");

        using var response = await PostAsync(client, "/Sources/Edit", VSphere(name,
            ("Input.Secret", ""), ("Input.SecretMode", "env"), ("Input.SecretEnv", variable)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("den här miljövariabeln får inte användas för källor", html, StringComparison.Ordinal);
        Assert.Contains("SOURCING_SECRET_…", html, StringComparison.Ordinal);
        Assert.Null(await RowAsync(name));
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await WebAppFixture.TokenAsync(client, "/Sources/Edit");
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(path, content);
    }

    private Task<SourceRow?> RowAsync(string name) =>
        app.Factory.Services.GetRequiredService<SourceStore>().FindAsync(name, CancellationToken.None);

    private async Task<string> RowTextAsync(long id)
    {
        await using var connection = await app.Database.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<string>("SELECT row_to_json(s)::text FROM sourcing.source s WHERE id = @id", new { id }) ?? "";
    }

    private RecurringJobDto? RecurringJob(long sourceId)
    {
        using var connection = app.Factory.Services.GetRequiredService<JobStorage>().GetConnection();
        return connection.GetRecurringJobs().SingleOrDefault(j => j.Id == ScheduleRegistrar.JobId(sourceId));
    }

    /// <summary>Test sources go again so the other tests of the collection see the seeded set (the product itself never deletes).</summary>
    private async Task DeleteAsync(long id)
    {
        app.Factory.Services.GetRequiredService<IRecurringJobManager>().RemoveIfExists(ScheduleRegistrar.JobId(id));
        await using var connection = await app.Database.DataSource.OpenConnectionAsync();
        await connection.ExecuteAsync("DELETE FROM sourcing.source WHERE id = @id", new { id });
    }
}
