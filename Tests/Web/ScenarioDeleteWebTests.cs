using System.Net;
using System.Text.Json;
using Sourcing.Analyzer.Planning;
using Sourcing.Collector.Planning;

namespace Sourcing.Tests.Web;

/// <summary>Deleting a scenario asks first, hides it from lists, comparison and the API, and can be undone for 30 days.</summary>
[Collection("Web")]
public sealed class ScenarioDeleteWebTests(WebAppFixture app)
{
    private ScenarioStore Store => new(app.Database.DataSource, TimeProvider.System);

    private async Task SaveAsync(string name) =>
        await Store.SaveAsync(new Scenario { Name = name, Owner = "Sam", StartYear = 2026, HorizonYears = 5 }, CancellationToken.None);

    [Fact]
    public async Task Delete_ConfirmThenRestore_HidesAndBringsBackScenario()
    {
        const string name = "Tas bort och återställs";
        await SaveAsync(name);
        using var client = await app.SignedInAsync("sourcing");
        var path = "/Scenarios/Delete/" + Uri.EscapeDataString(name);

        // The list links to a confirmation page; nothing is deleted by following the link.
        var list = await client.GetStringAsync("/Scenarios");
        Assert.Contains("href=\"" + path + "\"", list, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Delete", list, StringComparison.Ordinal);
        var confirm = WebUtility.HtmlDecode(await client.GetStringAsync(path));
        Assert.Contains("Vill du ta bort scenariot " + name + "?", confirm, StringComparison.Ordinal);
        Assert.Contains("30 dagar", confirm, StringComparison.Ordinal);
        Assert.NotNull(await Store.GetAsync(name, CancellationToken.None));

        var token = await WebAppFixture.TokenAsync(client, path);
        using (var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }))
        using (var deleted = await client.PostAsync(path, form))
        {
            Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        }

        Assert.Null(await Store.GetAsync(name, CancellationToken.None));
        Assert.DoesNotContain(">" + name + "<", WebUtility.HtmlDecode(await client.GetStringAsync("/Scenarios")), StringComparison.Ordinal);
        Assert.DoesNotContain(name, WebUtility.HtmlDecode(await client.GetStringAsync("/Forecast/Compare")), StringComparison.Ordinal);
        using (var ledning = await app.SignedInAsync("ledning"))
        {
            using var api = JsonDocument.Parse(await ledning.GetStringAsync("/api/scenarios"));
            Assert.DoesNotContain(api.RootElement.EnumerateArray(), e => e.GetProperty("name").GetString() == name);
            using var one = await ledning.GetAsync("/api/scenarios/" + Uri.EscapeDataString(name));
            Assert.Equal(HttpStatusCode.NotFound, one.StatusCode);
        }

        var bin = WebUtility.HtmlDecode(await client.GetStringAsync("/Scenarios/Deleted"));
        Assert.Contains("Borttagna scenarier", bin, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">" + name + "<", bin, StringComparison.Ordinal);
        Assert.Contains("Sam Sourcing", bin, StringComparison.Ordinal); // who deleted it

        token = await WebAppFixture.TokenAsync(client, "/Scenarios/Deleted");
        using (var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }))
        using (var restored = await client.PostAsync("/Scenarios/Deleted?handler=Restore&name=" + Uri.EscapeDataString(name), form))
        {
            Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        }

        Assert.NotNull(await Store.GetAsync(name, CancellationToken.None));
        Assert.DoesNotContain("<th scope=\"row\">" + name + "<", WebUtility.HtmlDecode(await client.GetStringAsync("/Scenarios/Deleted")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_Ledning_IsDeniedAndScenarioStays()
    {
        const string name = "Ledningen får inte ta bort";
        await SaveAsync(name);
        using var client = await app.SignedInAsync("ledning");
        var token = await WebAppFixture.TokenAsync(client, "/Forecast");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });

        using var response = await client.PostAsync("/Scenarios/Delete/" + Uri.EscapeDataString(name), form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.NotNull(await Store.GetAsync(name, CancellationToken.None));
    }

    [Fact]
    public async Task Create_NameOfDeletedScenario_IsRefusedSoItCanStillBeRestored()
    {
        const string name = "Borttaget namn";
        await SaveAsync(name);
        await Store.DeleteAsync(name, "sam", CancellationToken.None);
        using var client = await app.SignedInAsync("sourcing");
        var token = await WebAppFixture.TokenAsync(client, "/Scenarios");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = name, ["template"] = "0", ["__RequestVerificationToken"] = token });

        using var response = await client.PostAsync("/Scenarios?handler=Create", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Ett borttaget scenario heter " + name, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Contains(await Store.ListDeletedAsync(CancellationToken.None), d => d.Name == name);
    }
}
