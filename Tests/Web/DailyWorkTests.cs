using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Sourcing.Tests.Support;

namespace Sourcing.Tests.Web;

/// <summary>Drift's daily pages: the inventory opens on virtual machines, the pages fit a phone, the job dashboard shows Swedish time.</summary>
[Collection("Web")]
public sealed partial class DailyWorkTests(WebAppFixture app, BrowserFixture browser)
{
    [Fact]
    public async Task Inventory_Opened_ShowsVirtualMachinesWithOtherKindsOneClickAway()
    {
        using var client = await app.SignedInAsync("drift");

        var html = await client.GetStringAsync("/Inventory");
        var all = await client.GetStringAsync("/Inventory?kind=all");

        Assert.Contains("aria-current=\"page\">VM", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/Inventory?kind=all\"", html, StringComparison.Ordinal);
        Assert.Contains("aria-current=\"page\">Alla typer", all, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hangfire_Dashboard_LoadsTheStockholmTimeScript()
    {
        using var client = await app.SignedInAsync("drift");

        var html = await client.GetStringAsync("/hangfire");
        var scripts = ScriptSrc().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();

        Assert.NotEmpty(scripts);
        var bodies = await Task.WhenAll(scripts.Select(client.GetStringAsync));
        Assert.Contains(bodies, b => b.Contains("Europe/Stockholm", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/Sources")]
    [InlineData("/Scans")]
    [InlineData("/Inventory")]
    [InlineData("/Inventory/Trend")]
    public async Task DriftPages_AtPhoneWidth_DoNotScrollSideways(string path)
    {
        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 390, Height = 844 }, Locale = "sv-SE",
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(app.BaseAddress, "/Account/SignIn").ToString());
        await page.GetByLabel("Användarnamn").FillAsync("drift");
        await page.GetByLabel("Lösenord").FillAsync(WebAppFixture.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga in" }).ClickAsync();
        await page.WaitForURLAsync(u => !u.Contains("/Account/SignIn", StringComparison.Ordinal));

        await page.GotoAsync(new Uri(app.BaseAddress, path).ToString());

        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Directory.CreateDirectory(Path.Combine(RepoPaths.Root, "artifacts", "screenshots"));
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(RepoPaths.Root, "artifacts", "screenshots", "phone" + path.Replace('/', '-').ToLowerInvariant() + ".png"),
            FullPage = true,
        });
        var wide = width <= 390 ? "" : await page.EvaluateAsync<string>(
            """
            () => [...document.querySelectorAll('body *')]
              .filter(e => e.getBoundingClientRect().right > 392 && !e.closest('.table-wrap'))
              .slice(0, 8).map(e => e.tagName + '.' + e.className + '#' + e.id + ' ' + Math.round(e.getBoundingClientRect().right)).join(', ')
            """);
        Assert.True(width <= 390, $"{path} is {width} px wide on a 390 px phone: {wide}");
    }

    [GeneratedRegex("<script src=\"([^\"]+)\"")]
    private static partial Regex ScriptSrc();
}
