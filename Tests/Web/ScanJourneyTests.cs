using System.Text.RegularExpressions;
using Dapper;
using Microsoft.Playwright;
using Sourcing.Tests.Support;

namespace Sourcing.Tests.Web;

/// <summary>Drift presses "Skanna nu" in a real Chromium and watches the scan run through Hangfire against the simulated vCenter.</summary>
// In the "Web" collection: both hosts must live as long as each other, since Hangfire keeps one process-wide log provider.
[Collection("Web")]
public sealed partial class ScanJourneyTests(ScanJourneyFixture app, BrowserFixture browser)
{
    private static readonly string Screenshots = Path.Combine(RepoPaths.Root, "artifacts", "screenshots");

    [Fact]
    public async Task ScanNow_DriftWatchesProgress_ScanSucceedsWithEveryVm()
    {
        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
            Locale = "sv-SE",
        });
        var page = await context.NewPageAsync();
        var scriptErrors = new List<string>();
        page.PageError += (_, error) => scriptErrors.Add(error);
        await page.GotoAsync(new Uri(app.BaseAddress, "/Account/SignIn").ToString());
        await page.GetByLabel("Användarnamn").FillAsync("drift");
        await page.GetByLabel("Lösenord").FillAsync(WebAppFixture.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga in" }).ClickAsync();
        await page.WaitForURLAsync(u => !u.Contains("/Account/SignIn", StringComparison.Ordinal));

        // VM detail calls wait at the simulator until released, so the scan is certainly running while the page is looked at.
        app.Simulator.Faults.HoldVmRequests();
        try
        {
            await page.GetByRole(AriaRole.Navigation, new() { Name = "Huvudmeny" }).GetByRole(AriaRole.Link, new() { Name = "Källor", Exact = true }).ClickAsync();
            var scanNow = page.GetByRole(AriaRole.Button, new() { Name = $"Skanna {ScanJourneyFixture.SourceName} nu" });
            try
            {
                await scanNow.WaitForAsync();
            }
            catch (TimeoutException e)
            {
                throw new InvalidOperationException($"No scan button at {page.Url}: {await page.Locator("main").InnerTextAsync()}\nLog: {string.Join('\n', app.Logs.Lines.Where(l => l.StartsWith("Error", StringComparison.Ordinal)))}", e);
            }

            await scanNow.ClickAsync();
            await page.WaitForURLAsync(u => u.Contains("/Scans", StringComparison.Ordinal));

            // Either the page still waits for the job to start (then reloads by itself), or the job was quicker than the redirect.
            var running = page.Locator("#scans-table tr[data-status='running']", new() { HasText = ScanJourneyFixture.SourceName });
            try
            {
                await running.WaitForAsync(new() { Timeout = 90_000 });
            }
            catch (TimeoutException e)
            {
                throw new InvalidOperationException($"No running scan appeared. Scans: {await ScansAsync()}\nPage: {await page.Locator("main").InnerTextAsync()}", e);
            }

            var progressText = running.Locator(".progress-text");
            await Assertions.Expect(progressText).ToHaveTextAsync(ProgressPattern(), new() { Timeout = 30_000 });
            Assert.Equal(1, await running.Locator("progress").CountAsync());
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("scan-running"), FullPage = true });
        }
        finally
        {
            app.Simulator.Faults.Release();
        }

        // The page notices the end by itself and reloads with the final counts.
        var done = page.Locator("#scans-table tr[data-status='succeeded']", new() { HasText = ScanJourneyFixture.SourceName });
        await done.WaitForAsync(new() { Timeout = 120_000 });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("scan-done"), FullPage = true });
        Assert.Contains("klar", await done.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("#scan-awaiting").CountAsync());
        Assert.Empty(scriptErrors);

        await using var connection = await app.Database.DataSource.OpenConnectionAsync();
        var (status, added, trigger) = await connection.QuerySingleAsync<(string, int, string)>(
            "SELECT status, added, trigger FROM sourcing.scan WHERE source_id = @SourceId ORDER BY id DESC LIMIT 1", new { app.SourceId });
        Assert.Equal(("succeeded", "manual"), (status, trigger));
        var vms = await connection.ExecuteScalarAsync<int>(
            "SELECT count(*) FROM sourcing.resource WHERE source_id = @SourceId AND kind = 'vm' AND removed_at IS NULL", new { app.SourceId });
        Assert.Equal(ScanJourneyFixture.Vms, vms);
        Assert.True(added >= vms, $"added {added}, VMs {vms}");
    }

    private async Task<string> ScansAsync()
    {
        await using var connection = await app.Database.DataSource.OpenConnectionAsync();
        var rows = await connection.QueryAsync<string>("SELECT concat_ws(' ', id, status, trigger, progress_done, progress_total, errors::text) FROM sourcing.scan ORDER BY id");
        var jobs = await connection.QueryAsync<string>("SELECT concat_ws(' ', jobid, name, reason, data::text) FROM hangfire.state ORDER BY id");
        return string.Join("; ", rows) + " | jobs: " + string.Join("; ", jobs);
    }

    private static string Shot(string name)
    {
        Directory.CreateDirectory(Screenshots);
        return Path.Combine(Screenshots, name + ".png");
    }

    [GeneratedRegex(@"^\d[\d\s\u00a0]* av 300 VM$")]
    private static partial Regex ProgressPattern();
}
