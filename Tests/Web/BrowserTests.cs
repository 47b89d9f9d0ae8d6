using System.Text.Json;
using Microsoft.Playwright;
using Sourcing.Tests.Support;

namespace Sourcing.Tests.Web;

/// <summary>The app as a person uses it: a real Chromium against the app on a loopback port.</summary>
[Collection("Web")]
public sealed class BrowserTests(WebAppFixture app, BrowserFixture browser)
{
    private static readonly string Screenshots = Path.Combine(RepoPaths.Root, "artifacts", "screenshots");

    [Theory]
    [InlineData("drift", "Översikt – drift", "Skanningar", "/Inventory/Nope")]
    [InlineData("sourcing", "Översikt – sourcing", "Inventarie", "/Scans")]
    [InlineData("ledning", "Översikt – ledning", "Översikt", "/Inventory")]
    public async Task SignIn_EachRole_SeesOwnDashboardAndIsRefusedOthers(string user, string heading, string navLink, string refused)
    {
        await using var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        var cspErrors = CollectCspErrors(page);

        await page.GotoAsync(Url("/"));
        Assert.Contains("/Account/SignIn", page.Url, StringComparison.Ordinal);
        await SignInAsync(page, user);

        Assert.Equal(heading, (await page.Locator("h1").InnerTextAsync()).Trim());
        var nav = page.GetByRole(AriaRole.Navigation, new() { Name = "Huvudmeny" });
        Assert.True(await nav.GetByRole(AriaRole.Link, new() { Name = navLink, Exact = true }).IsVisibleAsync());
        if (user == "ledning")
        {
            Assert.Equal(0, await nav.GetByRole(AriaRole.Link, new() { Name = "Inventarie" }).CountAsync());
        }

        await ScreenshotAsync(page, $"overview-{user}");

        if (refused != "/Inventory/Nope")
        {
            await page.GotoAsync(Url(refused));
            Assert.Equal("Ingen behörighet", (await page.Locator("h1").InnerTextAsync()).Trim());
        }

        Assert.Empty(cspErrors);
    }

    [Fact]
    public async Task Inventory_SearchByName_FindsVmAndOpensIt()
    {
        await using var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(Url("/Account/SignIn"));
        await SignInAsync(page, "sourcing");

        await page.GetByRole(AriaRole.Link, new() { Name = "Inventarie", Exact = true }).ClickAsync();
        await page.GetByLabel("Sök på namn").FillAsync("web-042");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filtrera" }).ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("q=web-042", StringComparison.Ordinal));

        var rows = page.Locator("#inventory-table tbody tr");
        Assert.Equal(1, await rows.CountAsync());
        await ScreenshotAsync(page, "inventory-search");
        await rows.GetByRole(AriaRole.Link, new() { Name = "web-042" }).ClickAsync();
        Assert.Equal("web-042", (await page.Locator("h1").InnerTextAsync()).Trim());
    }

    [Fact]
    public async Task Systems_SourcingRecordsDecision_DecisionAppearsInHistory()
    {
        const string Reason = "Webbläsartest: journalen stannar i egen drift";
        await using var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(Url("/Account/SignIn"));
        await SignInAsync(page, "sourcing");

        try
        {
            await page.GotoAsync(Url("/Systems"));
            await page.GetByLabel("Sök system").FillAsync("Journalsystemet");
            await page.Locator("#q").PressAsync("Enter");
            await page.GetByRole(AriaRole.Link, new() { Name = "Journalsystemet", Exact = true }).ClickAsync();
            Assert.Equal("Journalsystemet", (await page.Locator("h1").InnerTextAsync()).Trim());

            await page.Locator("#decision-Destination").SelectOptionAsync("InHouse");
            await page.Locator("#decision-Reason").FillAsync(Reason);
            await page.GetByRole(AriaRole.Button, new() { Name = "Registrera beslut" }).ClickAsync();

            var row = page.Locator("#decisions-table tbody tr", new() { HasText = Reason });
            await row.WaitForAsync();
            Assert.Contains("Egen regi", await row.InnerTextAsync(), StringComparison.Ordinal);
            await ScreenshotAsync(page, "system-decision");
        }
        finally
        {
            // The decision history feeds model training in other tests; leave it as it was.
            await using var connection = await app.Database.DataSource.OpenConnectionAsync();
            await using var command = new Npgsql.NpgsqlCommand("DELETE FROM sourcing.decision WHERE reason = @reason", connection);
            command.Parameters.AddWithValue("reason", Reason);
            await command.ExecuteNonQueryAsync();
        }
    }

    [Fact]
    public async Task Scenarios_SourcingCreatesScenarioAddsRuleAndCompares_ScenarioInComparison()
    {
        const string Name = "Webbläsartest: utskrift till regionens partner";
        await using var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        var cspErrors = CollectCspErrors(page);
        await page.GotoAsync(Url("/Account/SignIn"));
        await SignInAsync(page, "sourcing");

        try
        {
            await page.GetByRole(AriaRole.Link, new() { Name = "Scenarier", Exact = true }).ClickAsync();
            await page.Locator("#create-name").FillAsync(Name);
            await page.GetByRole(AriaRole.Button, new() { Name = "Skapa", Exact = true }).ClickAsync();
            await page.WaitForURLAsync(u => u.Contains("/Scenarios/Edit/", StringComparison.Ordinal));
            Assert.Equal($"Scenario: {Name}", (await page.Locator("h1").InnerTextAsync()).Trim());

            // A rule that moves the print systems to a Swedish partner in the scenario's second year.
            var waveYear = DateTime.UtcNow.Year + 2;
            await page.Locator("#Input_NewRuleName").FillAsync("Utskrift");
            await page.Locator("#Input_NewRuleDestination").SelectOptionAsync("SwedishManaged");
            await page.Locator("#Input_NewRuleYear").FillAsync(waveYear.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await page.GetByRole(AriaRole.Button, new() { Name = "Spara och räkna om" }).ClickAsync();
            // Saved rules are edited in place, one fieldset each.
            var rule = page.Locator("#rule-0-name");
            await rule.WaitForAsync();
            Assert.Equal("Utskrift", await rule.InputValueAsync());
            Assert.Equal(0, await page.Locator("#edit-errors").CountAsync());
            await ScreenshotAsync(page, "scenario-created");

            await page.GotoAsync(Url("/Forecast/Compare"));
            await page.GetByLabel(Name).CheckAsync();
            await page.GetByLabel(PlanningSeed.Calm).CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Visa", Exact = true }).ClickAsync();
            var summary = page.Locator("#compare-summary");
            await summary.WaitForAsync();
            var text = await summary.InnerTextAsync();
            Assert.Contains(Name, text, StringComparison.Ordinal);
            Assert.Contains(PlanningSeed.Calm, text, StringComparison.Ordinal);
            await ScreenshotAsync(page, "scenario-compare");
            Assert.Empty(cspErrors);
        }
        finally
        {
            await using var connection = await app.Database.DataSource.OpenConnectionAsync();
            await using var command = new Npgsql.NpgsqlCommand("DELETE FROM sourcing.scenario WHERE name = @name", connection);
            command.Parameters.AddWithValue("name", Name);
            await command.ExecuteNonQueryAsync();
        }
    }

    [Fact]
    public async Task ScenarioEdit_SourcingChangesPeopleAndRuleInPlace_ForecastChanges()
    {
        const string Name = "Webbläsartest: redigera på plats";
        await new Sourcing.Collector.Planning.ScenarioStore(app.Database.DataSource, TimeProvider.System).SaveAsync(new Sourcing.Analyzer.Planning.Scenario
        {
            Name = Name,
            StartYear = 2026,
            HorizonYears = 5,
            Rules = [new Sourcing.Analyzer.Planning.MoveRule { Name = "Utskrift", Filter = new() { NameContains = ["utskrift"] }, Destination = Sourcing.Analyzer.Destination.SwedishManaged, Waves = [new(2027)] }],
        }, CancellationToken.None);
        await using var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        var cspErrors = CollectCspErrors(page);
        await page.GotoAsync(Url("/Account/SignIn"));
        await SignInAsync(page, "sourcing");

        try
        {
            await page.GotoAsync(Url("/Scenarios/Edit/" + Uri.EscapeDataString(Name)));
            var driftToday = page.Locator(".stat", new() { HasText = "Drift-FTE i dag" }).Locator(".stat-value");
            var moves = page.Locator(".stat", new() { HasText = "Flyttade system" }).Locator(".stat-value");
            var driftBefore = (await driftToday.InnerTextAsync()).Trim();
            Assert.NotEqual("37,5", driftBefore);

            // Today's drift staff typed in, and the rule narrowed to one print server by its name.
            await page.GetByLabel("Årsarbetare i drift i dag").FillAsync("37,5");
            await page.Locator("#rule-0-names").FillAsync("Utskriftsserver 7");
            await page.GetByRole(AriaRole.Button, new() { Name = "Spara och räkna om" }).ClickAsync();
            await page.Locator(".notice[role=status]").WaitForAsync();

            Assert.Equal(0, await page.Locator("#edit-errors").CountAsync());
            Assert.Equal("37,5", (await driftToday.InnerTextAsync()).Trim());
            Assert.Equal("1", (await moves.InnerTextAsync()).Trim());
            Assert.Equal("Utskriftsserver 7", await page.Locator("#rule-0-names").InputValueAsync());
            await ScreenshotAsync(page, "scenario-edit-in-place");
            Assert.Empty(cspErrors);
        }
        finally
        {
            await using var connection = await app.Database.DataSource.OpenConnectionAsync();
            await using var command = new Npgsql.NpgsqlCommand("DELETE FROM sourcing.scenario WHERE name = @name", connection);
            command.Parameters.AddWithValue("name", Name);
            await command.ExecuteNonQueryAsync();
        }
    }

    [Fact]
    public async Task Sources_DriftAddsVCenterPressingEnter_SavesInsteadOfFetchingCertificate()
    {
        const string Name = "vcenter-enter-webbläsartest";
        await using var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        var scriptErrors = new List<string>();
        page.PageError += (_, error) => scriptErrors.Add(error);
        await page.GotoAsync(Url("/Account/SignIn"));
        await SignInAsync(page, "drift");

        await page.GotoAsync(Url("/Sources/Edit?kind=vsphere"));
        await page.Locator("#Input_Name").FillAsync(Name);
        await page.Locator("#Input_Url").FillAsync("https://vcenter-enter.invalid");
        await page.Locator("#Input_UserName").FillAsync("svc-sourcing@vsphere.local");
        await page.Locator("#Input_Secret").FillAsync("Webbläsar-Hemlis-1");
        // The certificate button comes first in the form, so without default-submit.js Enter would fetch a certificate.
        await page.Locator("#Input_Name").PressAsync("Enter");

        await page.WaitForURLAsync(u => new Uri(u).AbsolutePath == "/Sources");
        var row = page.Locator("#sources-table tbody tr", new() { HasText = Name });
        await row.WaitForAsync();
        Assert.Contains("https://vcenter-enter.invalid", await row.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Empty(scriptErrors);
    }

    [Theory]
    [InlineData("/Forecast/Compare", "Jämför scenarier")]
    [InlineData("/Reports/Board", "Styrelserapport")]
    public async Task Leadership_Ledning_OpensPlanningPage(string path, string heading)
    {
        await using var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        var cspErrors = CollectCspErrors(page);
        await page.GotoAsync(Url("/Account/SignIn"));
        await SignInAsync(page, "ledning");

        await page.GotoAsync(Url(path));

        Assert.Equal(heading, (await page.Locator("h1").InnerTextAsync()).Trim());
        Assert.Empty(cspErrors);
    }

    [Fact]
    public async Task MainPages_Axe_NoSeriousOrCriticalViolations()
    {
        var axe = await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "Web", "node_modules", "axe-core", "axe.min.js"));
        await using var context = await NewContextAsync();
        // An init script runs through the DevTools protocol, so the page's CSP (no inline script) still holds for the page itself.
        await context.AddInitScriptAsync(axe);
        var page = await context.NewPageAsync();
        var cspErrors = CollectCspErrors(page);

        var problems = new List<string>();
        await page.GotoAsync(Url("/Account/SignIn"));
        problems.AddRange(await AxeAsync(page, "signin"));
        await SignInAsync(page, "drift");
        foreach (var (path, name) in new[]
        {
            ("/", "overview-drift-axe"), ("/Inventory", "inventory"), ($"/Inventory/Resource/{app.ScriptVmId}", "resource"),
            ("/Scans", "scans"), ("/Sources", "sources"), ("/Systems", "systems"), ("/Mapping", "mapping"),
            ("/Inventory/Trend?period=1y&measure=storage", "inventory-trend"), ("/Mapping?edit=1", "mapping-edit-rule"), ("/Mapping/Hand", "mapping-hand"),
            ("/Sources/Edit", "source-add-vsphere"), ("/Sources/Edit?kind=azure", "source-add-azure"), ($"/Sources/Edit/{app.SourceId}", "source-edit"),
            ("/Users", "users"), ("/Users/Add", "user-add"),
        })
        {
            await page.GotoAsync(Url(path));
            problems.AddRange(await AxeAsync(page, name));
        }

        // The source form with its errors shown, and with a certificate that could not be read.
        await page.GotoAsync(Url("/Sources/Edit"));
        await page.FillAsync("#Input_Url", "http://vcenter.region.se");
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara källan" }).ClickAsync();
        await page.Locator("#source-errors").WaitForAsync();
        problems.AddRange(await AxeAsync(page, "source-errors"));
        await page.FillAsync("#Input_Url", "https://127.0.0.1:1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Hämta certifikatets tumavtryck" }).ClickAsync();
        await page.Locator("#probe-error").WaitForAsync();
        problems.AddRange(await AxeAsync(page, "source-probe-error"));

        // Sourcing sees the edit and decision forms and the register import.
        await using var sourcingContext = await NewContextAsync();
        await sourcingContext.AddInitScriptAsync(axe);
        var sourcingPage = await sourcingContext.NewPageAsync();
        var sourcingCspErrors = CollectCspErrors(sourcingPage);
        await sourcingPage.GotoAsync(Url("/Account/SignIn"));
        await SignInAsync(sourcingPage, "sourcing");
        foreach (var (path, name) in new[] { ($"/Systems/Detail?id={app.SystemId}", "system-detail"), ("/Imports", "imports"), ("/Settings", "settings") })
        {
            await sourcingPage.GotoAsync(Url(path));
            problems.AddRange(await AxeAsync(sourcingPage, name));
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Empty(cspErrors);
        Assert.Empty(sourcingCspErrors);
    }

    [Fact]
    public async Task RuleForm_EditPreviewSave_SystemPageChanges_AndFormsPassAxe()
    {
        var axe = await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "Web", "node_modules", "axe-core", "axe.min.js"));
        await using var context = await NewContextAsync();
        await context.AddInitScriptAsync(axe);
        var page = await context.NewPageAsync();
        var cspErrors = CollectCspErrors(page);
        var problems = new List<string>();
        await page.GotoAsync(Url("/Account/SignIn"));
        await SignInAsync(page, "sourcing");

        try
        {
            // Before: the patient record system is blocked from US-owned public cloud by the policy rule.
            await page.GotoAsync(Url($"/Systems/Detail?id={app.SystemId}"));
            var cloudRow = page.Locator("#gate-table tbody tr", new() { HasText = "Publikt moln" });
            Assert.Contains("Blockerad", await cloudRow.InnerTextAsync(), StringComparison.Ordinal);

            foreach (var (path, name) in new[] { ("/Settings/Parameters/weights", "settings-weights"), ("/Settings/Parameters/effort", "settings-effort"), ("/Suppliers?add=true", "suppliers-form"), ("/Settings/History", "settings-history") })
            {
                await page.GotoAsync(Url(path));
                problems.AddRange(await AxeAsync(page, name));
            }

            await page.GotoAsync(Url("/Settings"));
            await page.GetByRole(AriaRole.Link, new() { Name = "Ändra regel K3-POLICY" }).ClickAsync();
            problems.AddRange(await AxeAsync(page, "settings-rule-form"));
            // The lawyers allow US-owned cloud after a suitability assessment: the cloud effect goes.
            var effects = page.Locator("fieldset.effect-row");
            for (var i = 0; i < await effects.CountAsync(); i++)
            {
                var row = effects.Nth(i);
                if (await row.GetByLabel("Destination", new() { Exact = true }).InputValueAsync() == "PublicCloud")
                {
                    await row.GetByLabel("Effekt", new() { Exact = true }).SelectOptionAsync("");
                }
            }

            await page.GetByLabel("Beslutad av (för policy)").FillAsync("Regionstyrelsen");
            await page.GetByRole(AriaRole.Button, new() { Name = "Förhandsgranska" }).ClickAsync();
            await page.Locator("#preview-heading").WaitForAsync();
            Assert.Contains("Journalsystemet", await page.Locator("#preview-systems").InnerTextAsync(), StringComparison.Ordinal);
            problems.AddRange(await AxeAsync(page, "settings-rule-preview"));

            await page.GetByRole(AriaRole.Button, new() { Name = "Spara som ny version" }).ClickAsync();
            await page.WaitForURLAsync(u => u.EndsWith("/Settings#rules", StringComparison.Ordinal));
            Assert.Contains("sparad", await page.Locator(".notice").InnerTextAsync(), StringComparison.Ordinal);

            await page.GotoAsync(Url($"/Systems/Detail?id={app.SystemId}"));
            Assert.DoesNotContain("Blockerad", await cloudRow.InnerTextAsync(), StringComparison.Ordinal);
            await ScreenshotAsync(page, "system-detail-after-rule-edit");
        }
        finally
        {
            await using var connection = await app.Database.DataSource.OpenConnectionAsync();
            await Dapper.SqlMapper.ExecuteAsync(connection, "DELETE FROM sourcing.gate_rule_set WHERE created_by = 'sourcing'");
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Empty(cspErrors);
    }

    [Fact]
    public async Task PlanningPages_Axe_NoSeriousOrCriticalViolationsAndChartsDraw()
    {
        var axe = await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "Web", "node_modules", "axe-core", "axe.min.js"));
        await using var context = await NewContextAsync();
        await context.AddInitScriptAsync(axe);
        var page = await context.NewPageAsync();
        var cspErrors = CollectCspErrors(page);
        var scriptErrors = new List<string>();
        page.PageError += (_, error) => scriptErrors.Add(error);

        var problems = new List<string>();
        await page.GotoAsync(Url("/Account/SignIn"));
        await SignInAsync(page, "sourcing");
        foreach (var (path, name, charts) in new[]
        {
            ("/Scenarios", "scenarios", 0),
            ("/Scenarios/Edit/" + Uri.EscapeDataString(PlanningSeed.Calm), "scenario-edit", 0),
            ("/Scenarios/Delete/" + Uri.EscapeDataString(PlanningSeed.Calm), "scenario-delete", 0),
            ("/Scenarios/Deleted", "scenarios-deleted", 0),
            ("/Forecast?name=" + Uri.EscapeDataString(PlanningSeed.Surplus), "forecast", 2),
            ("/Forecast/Compare", "compare", 3),
            ("/Forecast/Sensitivity", "sensitivity", 2),
            ("/Reports/Board", "board-report", 0),
            ("/Economics", "economics", 0),
            ("/Forecast/Decision", "decision", 1),
        })
        {
            await page.GotoAsync(Url(path));
            if (charts > 0)
            {
                // Chart.js marks a canvas it drew on; a broken data attribute would leave it blank.
                await page.WaitForFunctionAsync("n => window.Chart && document.querySelectorAll('canvas[data-planning-chart]').length === n && [...document.querySelectorAll('canvas[data-planning-chart]')].every(c => window.Chart.getChart(c))", charts);
            }

            problems.AddRange(await AxeAsync(page, name));
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Empty(cspErrors);
        Assert.Empty(scriptErrors);
    }

    /// <summary>
    /// The board report with all three seeded scenarios, printed by Chromium to A4: two pages per
    /// scenario (decision page; year table with charts), one for the comparison and at most three for
    /// the appendix, so at most 2 × 3 + 1 + 3 = 10 pages, and at least the 2 × 3 + 1 + 1 its page breaks
    /// make. At the printed width (210 mm less 2 × 11 mm margin = 188 mm = 710 px) nothing is wider.
    /// </summary>
    [Fact]
    public async Task BoardReport_PrintedOnA4_FitsThePageBudgetAndNothingIsWiderThanThePage()
    {
        const int Printable = 710;
        await using var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        var scriptErrors = new List<string>();
        page.PageError += (_, error) => scriptErrors.Add(error);
        await page.GotoAsync(Url("/Account/SignIn"));
        await SignInAsync(page, "ledning");
        string[] names = [PlanningSeed.Calm, PlanningSeed.Surplus, PlanningSeed.Other];

        await page.SetViewportSizeAsync(Printable, 1000);
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await page.GotoAsync(Url("/Reports/Board?" + string.Join('&', names.Select(n => "names=" + Uri.EscapeDataString(n)))));
        await page.WaitForFunctionAsync("() => window.Chart && [...document.querySelectorAll('canvas[data-planning-chart]')].every(c => window.Chart.getChart(c))");
        var wide = await page.EvaluateAsync<string[]>(
            """
            w => [...document.querySelectorAll('body *')]
              .filter(e => e.getClientRects().length > 0 && e.getBoundingClientRect().right > w + 1 && getComputedStyle(e).position !== 'absolute')
              .slice(0, 8).map(e => e.tagName + '.' + e.className + '#' + e.id + ' ' + Math.round(e.getBoundingClientRect().right))
            """, Printable);
        var pdf = await page.PdfAsync(new PagePdfOptions { Format = "A4", PreferCSSPageSize = true, PrintBackground = true });
        Directory.CreateDirectory(Screenshots);
        await File.WriteAllBytesAsync(Path.Combine(Screenshots, "board-report-test.pdf"), pdf);
        var pages = System.Text.RegularExpressions.Regex.Count(System.Text.Encoding.Latin1.GetString(pdf), @"/Type\s*/Page[^s]");

        Assert.True(wide.Length == 0, "wider than the A4 page: " + string.Join(", ", wide));
        Assert.InRange(pages, (2 * names.Length) + 2, Sourcing.Web.Pages.Reports.BoardModel.PageBudget(names.Length));
        Assert.Equal(10, Sourcing.Web.Pages.Reports.BoardModel.PageBudget(names.Length));
        Assert.Empty(scriptErrors);
    }

    /// <summary>The comparison of three scenarios shows every column at 1440 px: no table scrolls sideways in its frame.</summary>
    [Fact]
    public async Task Compare_ThreeScenariosAt1440_EveryColumnVisible()
    {
        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1440, Height = 900 }, Locale = "sv-SE",
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync(Url("/Account/SignIn"));
        await SignInAsync(page, "ledning");
        string[] names = [PlanningSeed.Calm, PlanningSeed.Surplus, PlanningSeed.Other];

        await page.GotoAsync(Url("/Forecast/Compare?" + string.Join('&', names.Select(n => "names=" + Uri.EscapeDataString(n)))));
        var clipped = await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('.table-wrap')].filter(w => w.scrollWidth > w.clientWidth + 1).map(w => w.getAttribute('aria-label') + ' ' + w.scrollWidth + '>' + w.clientWidth)");

        Assert.Equal(3, await page.Locator("#compare-summary tbody tr").CountAsync());
        Assert.True(clipped.Length == 0, "tables wider than their frame: " + string.Join(", ", clipped));
    }

    /// <summary>Ledning's pages read on a 390 px phone without sideways scrolling; wide tables scroll in their own frame, and the menu folds away.</summary>
    [Theory]
    [InlineData("/")]
    [InlineData("/Forecast/Decision")]
    [InlineData("/Forecast")]
    [InlineData("/Forecast/Compare")]
    [InlineData("/Reports/Board")]
    public async Task LedningPages_AtPhoneWidth_DoNotScrollSidewaysAndTheMenuFolds(string path)
    {
        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 390, Height = 844 }, Locale = "sv-SE",
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync(Url("/Account/SignIn"));
        await SignInAsync(page, "ledning");

        await page.GotoAsync(Url(path));
        var menu = page.GetByRole(AriaRole.Button, new() { Name = "Meny" });
        var boardLink = page.GetByRole(AriaRole.Navigation, new() { Name = "Huvudmeny" }).GetByRole(AriaRole.Link, new() { Name = "Styrelserapport", Exact = true });
        var folded = await boardLink.IsVisibleAsync();
        await menu.ClickAsync();
        var opened = await boardLink.IsVisibleAsync();
        await menu.ClickAsync();

        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        await ScreenshotAsync(page, "phone-ledning" + path.Replace('/', '-').ToLowerInvariant().TrimEnd('-'));
        var wide = width <= 390 ? "" : await page.EvaluateAsync<string>(
            """
            () => [...document.querySelectorAll('body *')]
              .filter(e => e.getBoundingClientRect().right > 392 && !e.closest('.table-wrap'))
              .slice(0, 8).map(e => e.tagName + '.' + e.className + '#' + e.id + ' ' + Math.round(e.getBoundingClientRect().right)).join(', ')
            """);
        Assert.True(width <= 390, $"{path} is {width} px wide on a 390 px phone: {wide}");
        Assert.False(folded, "the menu is open on a phone before it is asked for");
        Assert.True(opened, "the menu button does not open the menu");
    }

    private async Task<IBrowserContext> NewContextAsync() =>
        await browser.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 900 }, Locale = "sv-SE" });

    private string Url(string path) => new Uri(app.BaseAddress, path).ToString();

    private static async Task SignInAsync(IPage page, string user)
    {
        await page.GetByLabel("Användarnamn").FillAsync(user);
        await page.GetByLabel("Lösenord").FillAsync(WebAppFixture.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga in" }).ClickAsync();
        await page.WaitForURLAsync(u => !u.Contains("/Account/SignIn", StringComparison.Ordinal));
    }

    private static List<string> CollectCspErrors(IPage page)
    {
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                errors.Add(message.Text);
            }
        };
        return errors;
    }

    private static async Task<IEnumerable<string>> AxeAsync(IPage page, string name)
    {
        await ScreenshotAsync(page, name);
        var json = await page.EvaluateAsync<string>(
            """
            async () => {
              const result = await axe.run(document, { resultTypes: ['violations'] });
              return JSON.stringify(result.violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => v.impact + ' ' + v.id + ': ' + v.help + ' @ ' + v.nodes.map(n => n.target.join(' ')).join(', ')));
            }
            """);
        return JsonSerializer.Deserialize<List<string>>(json)!.Select(v => $"{name}: {v}");
    }

    private static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Screenshots);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, name + ".png"), FullPage = true });
    }
}
