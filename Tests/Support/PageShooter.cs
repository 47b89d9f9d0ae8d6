using Microsoft.Playwright;

namespace Sourcing.Tests.Support;

/// <summary>
/// `dotnet Sourcing.Tests.dll shoot URL USER PASSWORD OUTDIR WIDTH PATH...`: signs in to a running
/// Sourcing as a user and saves a full-page screenshot of each path (and `--pdf` prints the last one
/// to A4), so a person can look at the pages as their user sees them. Uses the machine's Chromium
/// (SOURCING_CHROMIUM or /usr/bin/chromium); never downloads a browser.
/// </summary>
internal static class PageShooter
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length < 6)
        {
            await Console.Error.WriteLineAsync("usage: shoot URL USER PASSWORD OUTDIR WIDTH PATH... [--pdf]");
            return 64;
        }

        var (baseUrl, user, password, outDir) = (args[0].TrimEnd('/'), args[1], args[2], args[3]);
        var width = int.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture);
        var pdf = args.Contains("--pdf");
        var paths = args[5..].Where(a => a != "--pdf").ToList();
        Directory.CreateDirectory(outDir);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("SOURCING_CHROMIUM") ?? "/usr/bin/chromium",
            Args = ["--no-sandbox"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = 900 }, Locale = "sv-SE" });
        var page = await context.NewPageAsync();
        await page.GotoAsync(baseUrl + "/Account/SignIn");
        await page.GetByLabel("Användarnamn").FillAsync(user);
        await page.GetByLabel("Lösenord").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga in" }).ClickAsync();
        await page.WaitForURLAsync(u => !u.Contains("/Account/SignIn", StringComparison.Ordinal));
        foreach (var path in paths)
        {
            await page.GotoAsync(baseUrl + path);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            await page.WaitForTimeoutAsync(1500); // charts animate in (slower on a busy machine)
            var name = Path.Combine(outDir, Slug(path) + "-" + width + ".png");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = name, FullPage = true });
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            Console.WriteLine($"{name}{(overflow > 0 ? $"  (sidled {overflow} px för bred)" : "")}");
        }

        if (pdf && paths.Count > 0)
        {
            var file = Path.Combine(outDir, Slug(paths[^1]) + ".pdf");
            await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
            await page.PdfAsync(new PagePdfOptions { Path = file, Format = "A4", PrintBackground = true });
            Console.WriteLine(file);
        }

        return 0;
    }

    private static string Slug(string path)
    {
        var slug = new string([.. path.Trim('/').Select(c => char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-')]).Trim('-');
        return slug.Length == 0 ? "start" : slug.Length > 60 ? slug[..60] : slug;
    }
}
