using System.Net;
using Sourcing.Analyzer;
using Sourcing.Analyzer.Planning;
using Sourcing.Collector.Planning;

namespace Sourcing.Tests.Web;

/// <summary>Rules, hand moves, waves, SaaS prices and people inputs edited on the scenario page, checked by ScenarioChecks.</summary>
[Collection("Web")]
public sealed class ScenarioEditInPlaceTests(WebAppFixture app)
{
    private ScenarioStore Store => new(app.Database.DataSource, TimeProvider.System);

    private async Task<string> SeedAsync(string name)
    {
        await Store.SaveAsync(new Scenario
        {
            Name = name,
            Owner = "Sam",
            StartYear = 2026,
            HorizonYears = 5,
            Rules =
            [
                new MoveRule
                {
                    Name = "Utskrift",
                    Filter = new SystemFilter { NameContains = ["utskrift"], OsFamilies = [Sourcing.Analyzer.Lifecycle.OsFamily.Windows] },
                    Destination = Destination.SwedishManaged,
                    Waves = [new Wave(2027)],
                    Contract = "Utskriftsavtal",
                },
            ],
            HandMoves = [new HandMove { SystemId = 3, Destination = Destination.Retire, Wave = new Wave(2026, 3) }],
            SaasPrices = new Dictionary<long, double> { [4] = 120_000 },
        }, CancellationToken.None);
        return "/Scenarios/Edit/" + Uri.EscapeDataString(name);
    }

    private static Dictionary<string, string> Form(string name, string token, params (string Key, string Value)[] fields)
    {
        var form = new Dictionary<string, string>
        {
            ["Input.Name"] = name,
            ["Input.StartYear"] = "2026",
            ["Input.HorizonYears"] = "5",
            ["Input.InPlace"] = "true",
            ["Input.Rules[0].Name"] = "Utskrift",
            ["Input.Rules[0].Destination"] = nameof(Destination.SwedishManaged),
            ["Input.Rules[0].Waves"] = "2027",
            ["Input.Rules[0].NameContains"] = "utskrift",
            ["Input.HandMoves[0].Destination"] = nameof(Destination.Retire),
            ["Input.HandMoves[0].Year"] = "2026",
            ["Input.HandMoves[0].Quarter"] = "3",
            ["Input.SaasPrices[4]"] = "120000",
            ["Input.Roles[0].Role"] = "Digitaliseringsstrateg",
            ["Input.Roles[0].Share"] = "30",
            ["Input.Roles[1].Role"] = "Objektsförvaltare IT",
            ["Input.Roles[1].Share"] = "40",
            ["Input.Roles[2].Role"] = "Projektledare",
            ["Input.Roles[2].Share"] = "30",
            ["__RequestVerificationToken"] = token,
        };
        foreach (var (key, value) in fields)
        {
            form[key] = value;
        }

        return form;
    }

    [Fact]
    public async Task Edit_InPlace_StoresEveryPartAndRoundTripsThroughTheFile()
    {
        const string name = "Redigeras på plats";
        var path = await SeedAsync(name);
        using var client = await app.SignedInAsync("sourcing");
        var page = await client.GetStringAsync(path);
        Assert.Contains("name=\"Input.Rules[0].Waves\"", page, StringComparison.Ordinal);
        Assert.Contains("value=\"120000\"", page, StringComparison.Ordinal);
        var token = await WebAppFixture.TokenAsync(client, path);

        using var content = new FormUrlEncodedContent(Form(name, token,
            ("Input.Rules[0].Destination", nameof(Destination.PublicCloud)),
            ("Input.Rules[0].Waves", "2027 K2, 2028"),
            ("Input.Rules[0].MaxK", "2"),
            ("Input.HandMoves[0].Destination", nameof(Destination.SwedishManaged)),
            ("Input.HandMoves[0].Year", "2028"),
            ("Input.HandMoves[0].Quarter", ""),
            ("Input.SaasPrices[4]", "95 000"),
            ("Input.NewSaasSystemId", "5"),
            ("Input.NewSaasPrice", "60000,5"),
            ("Input.DriftFteToday", "28,5"),
            ("Input.Roles[2].Role", ""),
            ("Input.NewRoleName", "Informationssäkerhetsspecialist"),
            ("Input.NewRoleShare", "20")));
        using var response = await client.PostAsync(path, content);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var scenario = (await Store.GetAsync(name, CancellationToken.None))!.Scenario;
        var rule = Assert.Single(scenario.Rules);
        Assert.Equal(Destination.PublicCloud, rule.Destination);
        Assert.Equal([new Wave(2027, 2), new Wave(2028)], rule.Waves);
        Assert.Equal(2, rule.Filter.MaxConfidentiality);
        Assert.Equal(["utskrift"], rule.Filter.NameContains!);
        Assert.Equal("Utskriftsavtal", rule.Contract); // not on the form, kept
        Assert.Equal([Sourcing.Analyzer.Lifecycle.OsFamily.Windows], rule.Filter.OsFamilies!);
        var hand = Assert.Single(scenario.HandMoves);
        Assert.Equal((3L, Destination.SwedishManaged, new Wave(2028)), (hand.SystemId, hand.Destination, hand.Wave));
        Assert.Equal(95_000, scenario.SaasPrices[4]);
        Assert.Equal(60_000.5, scenario.SaasPrices[5]);
        Assert.Equal(28.5, scenario.People.DriftFteToday);
        Assert.Null(scenario.People.DevelopmentFteToday);
        Assert.Equal(["Digitaliseringsstrateg", "Objektsförvaltare IT", "Informationssäkerhetsspecialist"], scenario.People.TargetRoles.Select(r => r.Role));
        Assert.Equal([0.3, 0.4, 0.2], scenario.People.TargetRoles.Select(r => r.Share));

        // The page's edit is the file's edit: export, import and the same scenario comes back.
        var exported = await client.GetStringAsync("/Scenarios?handler=Export&name=" + Uri.EscapeDataString(name));
        Assert.Equal(ScenarioJson.Serialize(scenario), ScenarioJson.Serialize(ScenarioJson.Deserialize(exported)));
    }

    [Theory]
    [InlineData("Input.Rules[0].Waves", "2035", "Regel 1 (Utskrift), våg 1, år: måste ligga inom horisonten 2026–2030 (är 2035).")]
    [InlineData("Input.Rules[0].Waves", "2027 K5", "Regel 1 (Utskrift), våg 1, kvartal: måste vara 1–4 (är 5).")]
    [InlineData("Input.Rules[0].Waves", "nästa år", "Regel 1 (Utskrift), vågor: \"nästa år\" kan inte läsas")]
    [InlineData("Input.Rules[0].Waves", "", "Regel 1 (Utskrift), vågor: minst en våg behövs")]
    [InlineData("Input.Rules[0].Name", "", "Regel 1, namn: får inte vara tomt.")]
    [InlineData("Input.HandMoves[0].Year", "2031", "Handflytt 1 (Utskriftsserver 3), år: måste ligga inom horisonten")]
    [InlineData("Input.SaasPrices[4]", "-5", "SaaS-pris för Utskriftsserver 4: måste vara 0–9")]
    [InlineData("Input.DriftFteToday", "många", "Årsarbetare i drift i dag: \"många\" är inte ett tal.")]
    [InlineData("Input.DevelopmentFteToday", "-1", "Årsarbetare i utvecklingsroller i dag: måste vara 0–100")]
    [InlineData("Input.Roles[0].Share", "-10", "Målroll 1 (Digitaliseringsstrateg), andel: får inte vara negativ.")]
    public async Task Edit_ImplausibleValue_RefusedInSwedishNamingTheFieldAndNothingStored(string key, string value, string message)
    {
        var name = "Felaktigt värde " + Math.Abs(StringComparer.Ordinal.GetHashCode(key + value)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var path = await SeedAsync(name);
        var before = ScenarioJson.Serialize((await Store.GetAsync(name, CancellationToken.None))!.Scenario);
        using var client = await app.SignedInAsync("sourcing");
        var token = await WebAppFixture.TokenAsync(client, path);

        using var content = new FormUrlEncodedContent(Form(name, token, (key, value)));
        using var response = await client.PostAsync(path, content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("id=\"edit-errors\"", html, StringComparison.Ordinal);
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.Equal(before, ScenarioJson.Serialize((await Store.GetAsync(name, CancellationToken.None))!.Scenario));
        // What was typed comes back in the form.
        if (key.StartsWith("Input.Rules[0].Waves", StringComparison.Ordinal) && value.Length > 0)
        {
            Assert.Contains("value=\"" + value + "\"", html, StringComparison.Ordinal);
        }
    }
}
