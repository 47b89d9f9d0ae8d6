using System.Net;
using System.Text.Json;
using Sourcing.Analyzer;
using Sourcing.Analyzer.Planning;
using Sourcing.Collector.Planning;

namespace Sourcing.Tests.Web;

[Collection("Web")]
public sealed class PlanningWebTests(WebAppFixture app)
{
    private static string Encoded(string name) => Uri.EscapeDataString(name);

    [Fact]
    public async Task Edit_BlockedHandMove_IsRefusedWithGateRuleAndNotSaved()
    {
        using var client = await app.SignedInAsync("sourcing");
        var path = "/Scenarios/Edit/" + Encoded(PlanningSeed.Calm);
        var token = await WebAppFixture.TokenAsync(client, path);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Name"] = PlanningSeed.Calm,
            ["Input.StartYear"] = "2026",
            ["Input.HorizonYears"] = "5",
            ["Input.NewHandSystemId"] = FakePlanningSystemSource.JournalId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.NewHandDestination"] = nameof(Destination.PublicCloud),
            ["Input.NewHandYear"] = "2027",
            ["__RequestVerificationToken"] = token,
        });

        using var response = await client.PostAsync(path, form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("id=\"edit-errors\"", html, StringComparison.Ordinal);
        Assert.Contains(FakePlanningSystemSource.BlockRule, html, StringComparison.Ordinal);
        Assert.Contains("Journal &lt;K4&gt;", html, StringComparison.Ordinal);
        var stored = await new ScenarioStore(app.Database.DataSource, TimeProvider.System).GetAsync(PlanningSeed.Calm, CancellationToken.None);
        Assert.Empty(stored!.Scenario.HandMoves);
    }

    [Fact]
    public async Task CreateThenEdit_ParameterAndHandMove_AreStoredAndForecastShown()
    {
        using var client = await app.SignedInAsync("sourcing");
        const string name = "Skapat i test";
        var token = await WebAppFixture.TokenAsync(client, "/Scenarios");
        using (var create = new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = name, ["template"] = "0", ["__RequestVerificationToken"] = token }))
        using (var created = await client.PostAsync("/Scenarios?handler=Create", create))
        {
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        }

        var path = "/Scenarios/Edit/" + Encoded(name);
        token = await WebAppFixture.TokenAsync(client, path);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Name"] = name,
            ["Input.StartYear"] = "2026",
            ["Input.HorizonYears"] = "4",
            ["Input.Parameters[cloud_price_factor]"] = "87,5",
            ["Input.Parameters[attrition_rate]"] = "8",
            ["Input.NewHandSystemId"] = "3",
            ["Input.NewHandDestination"] = nameof(Destination.SwedishManaged),
            ["Input.NewHandYear"] = "2027",
            ["__RequestVerificationToken"] = token,
        });

        using var response = await client.PostAsync(path, form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await new ScenarioStore(app.Database.DataSource, TimeProvider.System).GetAsync(name, CancellationToken.None);
        Assert.Equal(87.5, stored!.Scenario.Parameters["cloud_price_factor"]);
        Assert.False(stored.Scenario.Parameters.ContainsKey("attrition_rate")); // the default is not an override
        var move = Assert.Single(stored.Scenario.HandMoves);
        Assert.Equal(3, move.SystemId);
        Assert.Equal(4, stored.Scenario.HorizonYears);
        var html = await client.GetStringAsync(path);
        Assert.Contains("Utskriftsserver 3", html, StringComparison.Ordinal);
        Assert.Contains("Prognos per år", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forecast_ScenarioFreeingMoreThanChannelsAbsorb_ShowsSurplusWarning()
    {
        using var client = await app.SignedInAsync("ledning");

        var html = await client.GetStringAsync("/Forecast?name=" + Encoded(PlanningSeed.Surplus));

        Assert.Contains("surplus-warning", html, StringComparison.Ordinal);
        Assert.Contains("Övertalighet: fler frigörs än kanalerna tar emot", html, StringComparison.Ordinal);
        Assert.Contains("data-planning-chart=", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forecast_NoName_ShowsTheBoardsFirstScenario()
    {
        using var client = await app.SignedInAsync("ledning");

        var html = await client.GetStringAsync("/Forecast");

        Assert.Contains("<h2>" + PlanningSeed.Calm + "</h2>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForecastXlsx_Ledning_GetsWorkbook()
    {
        using var client = await app.SignedInAsync("ledning");

        using var response = await client.GetAsync("/Forecast?handler=Xlsx&name=" + Encoded(PlanningSeed.Calm));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal((byte)'P', bytes[0]);
        Assert.Equal((byte)'K', bytes[1]);
    }

    /// <summary>
    /// The board's workbook reopens with the summary first, one column per scenario in the order asked
    /// for, and its figures are the JSON API's: e.g. a like-for-like sum of 12 345 678 kr is stored as
    /// 12.346 (mkr, three decimals kept) and shown with one decimal, "12,3".
    /// </summary>
    [Fact]
    public async Task BoardXlsx_Reopened_SummaryFirstEqualsTheApiFigures()
    {
        using var client = await app.SignedInAsync("ledning");
        string[] names = [PlanningSeed.Surplus, PlanningSeed.Calm];

        using var response = await client.GetAsync("/Reports/Board?handler=Xlsx&" + string.Join('&', names.Select(n => "names=" + Encoded(n))));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches(@"^styrelserapport-\d{8}\.xlsx$", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName!.Trim('"'));
        using var workbook = new ClosedXML.Excel.XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var summary = workbook.Worksheet(1);
        Assert.Equal(ForecastWorkbook.SummarySheet, summary.Name);
        Assert.Equal(1, summary.SheetView.SplitRow);
        Assert.Equal(1, summary.SheetView.SplitColumn);
        Assert.Equal(["Scenario 1", "Prognos 1", "Systemplan 1", "Avvikelser 1", "Scenario 2"], workbook.Worksheets.Skip(1).Take(5).Select(s => s.Name));
        int Row(string label) => Enumerable.Range(2, ForecastWorkbook.SummaryRows.Count).Single(r => summary.Cell(r, 1).GetString() == label);
        var nominalRow = Row("Jämförbar skillnad över horisonten (mkr)");
        var npvRow = Row("Nuvärde (mkr)");
        Assert.Equal(ForecastWorkbook.MkrFormat, summary.Cell(nominalRow, 2).Style.NumberFormat.Format);
        for (var i = 0; i < names.Length; i++)
        {
            using var json = JsonDocument.Parse(await client.GetStringAsync($"/api/scenarios/{Encoded(names[i])}/forecast"));
            Assert.Equal(names[i], summary.Cell(1, i + 2).GetString());
            Assert.Equal(Math.Round(json.RootElement.GetProperty("nominalDifference").GetDouble() / 1e6, 3), summary.Cell(nominalRow, i + 2).GetValue<double>(), 6);
            Assert.Equal(Math.Round(json.RootElement.GetProperty("npv").GetDouble() / 1e6, 3), summary.Cell(npvRow, i + 2).GetValue<double>(), 6);
        }
    }

    /// <summary>Sourcing puts a scenario on the board and moves it up; the report and the decision page follow that order.</summary>
    [Fact]
    public async Task Scenarios_BoardAddThenUp_ReportFollowsTheOrder()
    {
        using var client = await app.SignedInAsync("sourcing");
        var store = new ScenarioStore(app.Database.DataSource, TimeProvider.System);
        async Task PostAsync(string name, string move)
        {
            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["move"] = move,
                ["__RequestVerificationToken"] = await WebAppFixture.TokenAsync(client, "/Scenarios"),
            });
            using var response = await client.PostAsync("/Scenarios?handler=Board&name=" + Encoded(name), form);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        try
        {
            await PostAsync(PlanningSeed.Surplus, "add");
            Assert.Equal([PlanningSeed.Calm, PlanningSeed.Surplus], (await store.BoardAsync(CancellationToken.None)).Select(s => s.Name));
            await PostAsync(PlanningSeed.Surplus, "up");
            Assert.Equal([PlanningSeed.Surplus, PlanningSeed.Calm], (await store.BoardAsync(CancellationToken.None)).Select(s => s.Name));

            var report = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync("/Reports/Board"));
            var first = report.IndexOf("Prognos per år: " + PlanningSeed.Surplus, StringComparison.Ordinal);
            var second = report.IndexOf("Prognos per år: " + PlanningSeed.Calm, StringComparison.Ordinal);
            Assert.True(first >= 0 && second > first, "the report follows the board's order");
            Assert.DoesNotContain("Prognos per år: " + PlanningSeed.Other, report, StringComparison.Ordinal);
            var decision = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync("/Forecast/Decision"));
            Assert.Contains("<h2>" + PlanningSeed.Surplus + "</h2>", decision, StringComparison.Ordinal);

            // The overview follows the new first scenario at once (its kept figures end with the board change) and
            // states its total in the decision page's words: "Summa 2026–2029: 1,2 mkr mer än fortsatt egen drift".
            var overview = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync("/"));
            Assert.Contains(PlanningSeed.Surplus, overview, StringComparison.Ordinal);
            var total = System.Text.RegularExpressions.Regex.Match(overview, "Summa \\d{4}–\\d{4}: [0-9 ,]+ mkr (mer|mindre) än fortsatt egen drift");
            Assert.True(total.Success, "the overview states the total in words");
            Assert.Contains(total.Value, decision, StringComparison.Ordinal);

            await PostAsync(PlanningSeed.Surplus, "remove");
            Assert.Equal([PlanningSeed.Calm], (await store.BoardAsync(CancellationToken.None)).Select(s => s.Name));
        }
        finally
        {
            await store.SetBoardOrderAsync([PlanningSeed.Calm], CancellationToken.None);
        }
    }

    [Fact]
    public async Task Scenarios_NameWithMarkup_IsEncoded()
    {
        using var client = await app.SignedInAsync("sourcing");

        var html = await client.GetStringAsync("/Scenarios");

        Assert.Contains("Moln &lt;i&gt;2028&lt;/i&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<i>2028", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScenarioExport_Sourcing_GetsScenarioFile()
    {
        using var client = await app.SignedInAsync("sourcing");

        var json = await client.GetStringAsync("/Scenarios?handler=Export&name=" + Encoded(PlanningSeed.Other));

        var scenario = ScenarioJson.Deserialize(json);
        Assert.Equal(PlanningSeed.Other, scenario.Name);
        Assert.Equal(80, scenario.Parameters["cloud_price_factor"]);
    }

    [Fact]
    public async Task ScenarioApi_Ledning_GetsListScenarioAndForecastJson()
    {
        using var client = await app.SignedInAsync("ledning");

        using var list = JsonDocument.Parse(await client.GetStringAsync("/api/scenarios"));
        Assert.Contains(list.RootElement.EnumerateArray(), e => e.GetProperty("name").GetString() == PlanningSeed.Calm && e.GetProperty("boardPosition").GetInt32() == 1);

        using var scenario = await client.GetAsync("/api/scenarios/" + Encoded(PlanningSeed.Surplus));
        Assert.Equal("application/json", scenario.Content.Headers.ContentType!.MediaType);
        Assert.Equal(PlanningSeed.Surplus, ScenarioJson.Deserialize(await scenario.Content.ReadAsStringAsync()).Name);

        using var forecast = JsonDocument.Parse(await client.GetStringAsync("/api/scenarios/" + Encoded(PlanningSeed.Surplus) + "/forecast"));
        Assert.Equal(4, forecast.RootElement.GetProperty("years").GetArrayLength());
        Assert.True(forecast.RootElement.GetProperty("surplusFteYears").GetDouble() > 1);

        using var missing = await client.GetAsync("/api/scenarios/finns-inte/forecast");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task PlanningPages_Html_HaveNoInlineScriptOrStyleAttribute()
    {
        using var client = await app.SignedInAsync("sourcing");
        foreach (var path in new[] { "/Scenarios", "/Scenarios/Edit/" + Encoded(PlanningSeed.Calm), "/Forecast", "/Forecast/Compare", "/Forecast/Sensitivity", "/Reports/Board" })
        {
            var html = await client.GetStringAsync(path);
            Assert.DoesNotMatch("<script(?![^>]*\\bsrc=)[^>]*>", html);
            Assert.DoesNotContain(" style=\"", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Compare_TwoScenarios_HighlightsDifferingAssumption()
    {
        using var client = await app.SignedInAsync("ledning");

        var html = await client.GetStringAsync("/Forecast/Compare?names=" + Encoded(PlanningSeed.Calm) + "&names=" + Encoded(PlanningSeed.Other));

        Assert.Contains("id=\"compare-assumptions\"", html, StringComparison.Ordinal);
        Assert.Contains("Justering av molnprislistan", html, StringComparison.Ordinal);
        Assert.Contains("data-planning-chart=", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sensitivity_Scenario_ShowsTornadoAndTable()
    {
        using var client = await app.SignedInAsync("ledning");

        var html = await client.GetStringAsync("/Forecast/Sensitivity?name=" + Encoded(PlanningSeed.Calm));

        Assert.Contains("id=\"tornado-cost\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"sensitivity-table\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BoardReport_Default_HasOnlyTheBoardsScenariosAndSources()
    {
        using var client = await app.SignedInAsync("ledning");

        var html = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync("/Reports/Board"));

        // Only the calm scenario is on the board: its decision page and per-year page, then the appendix.
        Assert.Contains("Prognos per år: " + PlanningSeed.Calm, html, StringComparison.Ordinal);
        Assert.DoesNotContain("Prognos per år: " + PlanningSeed.Surplus, html, StringComparison.Ordinal);
        Assert.Equal(3, System.Text.RegularExpressions.Regex.Count(html, "class=\"report-section "));
        Assert.Contains("skr.se", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Economics_StatedFigure_IsStoredAndCalibratesThePool()
    {
        using var client = await app.SignedInAsync("sourcing");
        var token = await WebAppFixture.TokenAsync(client, "/Economics");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input[hardware].Sek"] = "1 250 000",
            ["Input[hardware].Source"] = "Budget 2026, rad 4711",
            ["Input[hardware].Year"] = "2026",
            ["__RequestVerificationToken"] = token,
        });

        using var response = await client.PostAsync("/Economics", form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        try
        {
            var rows = await new CostBudgetStore(app.Database.DataSource).ListAsync(CancellationToken.None);
            var hardware = Assert.Single(rows, r => r.Pool == "hardware");
            Assert.Equal(1_250_000, hardware.SekPerYear);
            Assert.Equal("Budget 2026, rad 4711", hardware.Source);
            var html = await client.GetStringAsync("/Economics");
            Assert.Contains("Budget 2026, rad 4711", html, StringComparison.Ordinal);
        }
        finally
        {
            await new CostBudgetStore(app.Database.DataSource).SaveAsync("hardware", null, "", null, "test", CancellationToken.None);
        }
    }

    [Theory]
    [InlineData("-5", "0–99 999 999 999")]
    [InlineData("tolv miljoner", "är inget belopp")]
    public async Task Economics_BadFigure_RefusedInSwedishAndNothingStored(string value, string message)
    {
        using var client = await app.SignedInAsync("sourcing");
        var token = await WebAppFixture.TokenAsync(client, "/Economics");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input[storage].Sek"] = value,
            ["__RequestVerificationToken"] = token,
        });

        using var response = await client.PostAsync("/Economics", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("id=\"economics-errors\"", html, StringComparison.Ordinal);
        Assert.Contains("Lagring (SAN/vSAN)", html, StringComparison.Ordinal);
        Assert.Contains(message, System.Net.WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.DoesNotContain(await new CostBudgetStore(app.Database.DataSource).ListAsync(CancellationToken.None), r => r.Pool == "storage");
    }

    [Fact]
    public async Task Economics_Ledning_ReadsButCannotSave()
    {
        using var client = await app.SignedInAsync("ledning");
        // The page says why the fields are greyed out, and Sourcing does not get the note.
        Assert.Contains("id=\"economics-readonly\"", await client.GetStringAsync("/Economics"), StringComparison.Ordinal);
        using (var sourcing = await app.SignedInAsync("sourcing"))
        {
            Assert.DoesNotContain("id=\"economics-readonly\"", await sourcing.GetStringAsync("/Economics"), StringComparison.Ordinal);
        }

        var token = await WebAppFixture.TokenAsync(client, "/Economics");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["Input[backup].Sek"] = "100", ["__RequestVerificationToken"] = token });

        using var response = await client.PostAsync("/Economics", form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.DoesNotContain(await new CostBudgetStore(app.Database.DataSource).ListAsync(CancellationToken.None), r => r.Pool == "backup");
    }

    [Theory]
    [InlineData("monthly_salary_ops", "-42000")]
    [InlineData("monthly_salary_ops", "1000000000")]
    [InlineData("productive_hours_per_fte", "0,001")]
    public async Task Edit_ImplausibleParameter_RefusedWithFieldNamed(string key, string value)
    {
        using var client = await app.SignedInAsync("sourcing");
        var path = "/Scenarios/Edit/" + Encoded(PlanningSeed.Calm);
        var token = await WebAppFixture.TokenAsync(client, path);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Name"] = PlanningSeed.Calm,
            ["Input.StartYear"] = "2026",
            ["Input.HorizonYears"] = "5",
            [$"Input.Parameters[{key}]"] = value,
            ["__RequestVerificationToken"] = token,
        });

        using var response = await client.PostAsync(path, form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("id=\"edit-errors\"", html, StringComparison.Ordinal);
        Assert.Contains("(" + key + ") måste vara mellan", System.Net.WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        var stored = await new ScenarioStore(app.Database.DataSource, TimeProvider.System).GetAsync(PlanningSeed.Calm, CancellationToken.None);
        Assert.False(stored!.Scenario.Parameters.ContainsKey(key));
    }

    /// <summary>
    /// The sensitivity table heads its value columns with what they hold (the source's lowest and highest value, not
    /// "−20 %/+20 %"), gives each value thousands-spaced with its unit beside the name, and no cell is a run of digits.
    /// </summary>
    [Fact]
    public async Task Sensitivity_Table_SourceRangeHeadingsSpacedValuesWithUnits()
    {
        using var client = await app.SignedInAsync("sourcing");
        var html = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync("/Forecast/Sensitivity?name=" + Encoded(PlanningSeed.Calm)));
        var table = html[html.IndexOf("id=\"sensitivity-table\"", StringComparison.Ordinal)..];
        table = table[..table.IndexOf("</table>", StringComparison.Ordinal)];

        Assert.Contains("Källans lägsta", table, StringComparison.Ordinal);
        Assert.Contains("Källans högsta", table, StringComparison.Ordinal);
        Assert.DoesNotContain("20 %", table, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"<td class=""num"">\d{4,}", table);
        Assert.DoesNotContain(" mkr /", table, StringComparison.Ordinal);
        // Above the table the totals are said in words (no bare sign for more or less than in-house).
        Assert.Contains("än fortsatt egen drift. Linjen i diagrammen", html, StringComparison.Ordinal);
        var salary = PlanningDefaults.Get(ParameterKeys.MonthlySalaryOps);
        Assert.Contains($"{salary.Label} ({salary.Unit})", table, StringComparison.Ordinal);
    }

    /// <summary>One number everywhere: the like-for-like sum and the present value of a scenario are the
    /// same in the JSON API, on the decision page, on the forecast page and in the board report.</summary>
    [Fact]
    public async Task ScenarioFigures_AgreeOnApiDecisionForecastAndReport()
    {
        using var client = await app.SignedInAsync("ledning");
        var name = Encoded(PlanningSeed.Surplus);
        using var json = JsonDocument.Parse(await client.GetStringAsync($"/api/scenarios/{name}/forecast"));
        var nominal = json.RootElement.GetProperty("nominalDifference").GetDouble();
        var npv = json.RootElement.GetProperty("npv").GetDouble();
        var sv = System.Globalization.CultureInfo.GetCultureInfo("sv-SE");
        string Mkr(double sek) => (sek / 1e6).ToString("N1", sv) + " mkr";

        var decision = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync($"/Forecast/Decision?name={name}"));
        var forecast = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync($"/Forecast?name={name}"));
        var report = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync($"/Reports/Board?names={name}"));

        // Every page says them in words, never with a bare sign: "1,4 mkr mer" or "1,4 mkr mindre" than continued own
        // operation (the forecast page's cards, the decision page, the report's first page).
        string Words(double sek) => Mkr(Math.Abs(sek)) + (sek >= 0 ? " mer" : " mindre");
        Assert.NotEqual(0, nominal);
        Assert.True(forecast.Contains(Words(nominal), StringComparison.Ordinal), $"prognos visar inte {Words(nominal)}");
        Assert.True(forecast.Contains(Words(npv), StringComparison.Ordinal), $"prognos visar inte nuvärdet {Words(npv)}");
        Assert.DoesNotContain("negativt är besparing", forecast, StringComparison.Ordinal);
        foreach (var (page, html) in new[] { ("beslutsunderlag", decision), ("rapport", report) })
        {
            Assert.True(html.Contains(Words(nominal) + " än fortsatt egen drift", StringComparison.Ordinal), $"{page} visar inte {Words(nominal)}");
            Assert.True(html.Contains("i nuvärde " + Words(npv), StringComparison.Ordinal), $"{page} visar inte nuvärdet {Words(npv)}");
        }

        Assert.DoesNotContain("negativt är besparing", decision, StringComparison.Ordinal);
        // The simulation's median beside its P10–P90, the same on the decision page and in the API.
        var median = json.RootElement.GetProperty("range").GetProperty("npv").GetProperty("p50").GetDouble();
        Assert.True(decision.Contains("medianen är " + Words(median), StringComparison.Ordinal), $"beslutsunderlaget visar inte medianen {Words(median)}");
        Assert.True(forecast.Contains("median " + Words(median), StringComparison.Ordinal), $"prognosen visar inte medianen {Words(median)}");

        // The sentence in words names the last year's like-for-like difference with that year, never as if it held from
        // the first year (a phase-in costs more in its first years than at the end).
        var years = json.RootElement.GetProperty("years").EnumerateArray().ToList();
        var lastYear = years[^1].GetProperty("year").GetInt32();
        var lastDiff = years[^1].GetProperty("likeForLikeDifference").GetDouble();
        var expected = lastDiff > 0
            ? $"År {lastYear} kostar scenariot {Mkr(lastDiff)} mer än fortsatt egen drift"
            : $"År {lastYear} sparar scenariot {Mkr(-lastDiff)} jämfört med fortsatt egen drift";
        Assert.True(decision.Contains(expected, StringComparison.Ordinal), $"beslutsunderlaget säger inte: {expected}");
        Assert.DoesNotContain("per år från", decision, StringComparison.Ordinal);
    }

    /// <summary>
    /// How cloud servers were sized, in the same words on the forecast page, the scenario page, the board report
    /// and the workbook's scenario sheet, with the API's counts: the cloud scenario moves the ten print servers,
    /// seven with 30 days of samples (right-sized) and three without ("7 av 10 …; 3 har för lite mätdata").
    /// </summary>
    [Fact]
    public async Task CloudSizing_SameSentenceOnForecastScenarioReportWorkbookAndApi()
    {
        using var client = await app.SignedInAsync("ledning");
        const string Scenario = "Molndimensionering 2028";
        await new ScenarioStore(app.Database.DataSource, TimeProvider.System).SaveAsync(new Sourcing.Analyzer.Planning.Scenario
        {
            Name = Scenario,
            StartYear = 2026,
            HorizonYears = 5,
            Rules = [new Sourcing.Analyzer.Planning.MoveRule
            {
                Name = "Moln", Filter = new Sourcing.Analyzer.Planning.SystemFilter { MaxConfidentiality = 1 },
                Destination = Destination.PublicCloud, Waves = [new Sourcing.Analyzer.Planning.Wave(2028)],
            }],
        }, CancellationToken.None);
        var name = Encoded(Scenario);
        const string Expected = "7 av 10 servrar som flyttar till publikt moln dimensioneras efter uppmätt användning (95:e percentilen × 1,3); "
            + "3 har för lite mätdata (under 14 dagar) och räknas med konfigurerad storlek.";
        using var json = JsonDocument.Parse(await client.GetStringAsync($"/api/scenarios/{name}/forecast"));
        var sizing = json.RootElement.GetProperty("cloudSizing");
        Assert.Equal(7, sizing.GetProperty("rightSized").GetInt32());
        Assert.Equal(3, sizing.GetProperty("configuredSize").GetInt32());

        string Page(string html) => System.Net.WebUtility.HtmlDecode(html).Replace('\u00a0', ' ');
        var forecast = Page(await client.GetStringAsync($"/Forecast?name={name}"));
        using var sourcing = await app.SignedInAsync("sourcing"); // the scenario page is the sourcing manager's
        var edit = Page(await sourcing.GetStringAsync($"/Scenarios/Edit/{name}"));
        var report = Page(await client.GetStringAsync($"/Reports/Board?names={name}"));
        foreach (var (page, html) in new[] { ("prognos", forecast), ("scenario", edit), ("rapport", report) })
        {
            Assert.True(html.Contains(Expected, StringComparison.Ordinal), $"{page} visar inte meningen om molnservrarnas storlek");
        }

        using var response = await client.GetAsync("/Forecast?handler=Xlsx&name=" + name);
        using var workbook = new ClosedXML.Excel.XLWorkbook(await response.Content.ReadAsStreamAsync());
        var sheet = workbook.Worksheet(ForecastWorkbook.ScenarioSheet);
        var row = Enumerable.Range(1, ForecastWorkbook.ParameterHeaderRow).Single(r => sheet.Cell(r, 1).GetString() == "Molnservrarnas storlek");
        Assert.Equal(Expected, sheet.Cell(row, 2).GetString().Replace('\u00a0', ' '));
    }
}
