using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Sourcing.Analyzer.Assessment;
using Sourcing.Analyzer.Workloads;
using Sourcing.Collector.Workloads;
using Sourcing.Tests.Support;

namespace Sourcing.Tests.Web;

/// <summary>The estate-over-time page (chart, month table, CSV) and the timeline on the system page.</summary>
[Collection("Web")]
public sealed partial class EstateTrendTests(WebAppFixture app, BrowserFixture browser)
{
    private WorkloadStore Store => app.Factory.Services.GetRequiredService<WorkloadStore>();

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public async Task InventoryOverTime_SeededEstate_SameRowsAsOneJoinPerDay()
    {
        // The straightforward query the store used to run (every day joined to every VM): the reference for the set-based one.
        var from = Today.AddDays(-400);
        await using var connection = await app.Database.DataSource.OpenConnectionAsync();
        var reference = (await connection.QueryAsync<(DateTime Day, string Department, long Vms, long Vcpu, decimal Storage)>(
            """
            SELECT d.day::timestamp, coalesce(dep.name, '(ingen förvaltning)'), count(*),
                   sum(coalesce(r.cpu_count, 0))::bigint, sum(coalesce(r.storage_gib, 0))
            FROM generate_series(@from::date, @to::date, interval '1 day') AS d(day)
            JOIN sourcing.resource r
              ON r.kind = 'vm' AND r.first_seen_at < d.day + interval '1 day'
             AND (r.removed_at IS NULL OR r.removed_at >= d.day + interval '1 day')
            LEFT JOIN sourcing.resource_assignment a ON a.resource_id = r.id
            LEFT JOIN sourcing.workload w ON w.id = a.workload_id
            LEFT JOIN sourcing.department dep ON dep.id = w.department_id
            GROUP BY 1, 2 ORDER BY 1, 2
            """, new { from = from.ToDateTime(TimeOnly.MinValue), to = Today.ToDateTime(TimeOnly.MinValue) }))
            .Select(r => new DepartmentInventoryDay(DateOnly.FromDateTime(r.Day), r.Department, (int)r.Vms, r.Vcpu, r.Storage)).ToList();

        var rows = await Store.InventoryOverTimeAsync(from, Today, CancellationToken.None);

        Assert.True(reference.Count > 120, "the seed spreads VMs over 120 days");
        Assert.Equal(reference, rows);
    }

    [Fact]
    public async Task Trend_ThreeYears_StartsAtTheFirstScan()
    {
        using var client = await app.SignedInAsync("drift");
        await using var connection = await app.Database.DataSource.OpenConnectionAsync();
        var firstScan = DateOnly.FromDateTime(await connection.ExecuteScalarAsync<DateTime>("SELECT min(started_at) FROM sourcing.scan"));

        var html = await client.GetStringAsync("/Inventory/Trend?period=3y&measure=vm");

        using var chart = Chart(html);
        var labels = chart.RootElement.GetProperty("labels").EnumerateArray().Select(l => DateOnly.ParseExact(l.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture)).ToList();
        Assert.True(labels[0] >= firstScan, $"the chart starts at {labels[0]}, before the first scan {firstScan}");
        Assert.True(labels[0] < firstScan.AddDays(7));
        Assert.Contains("id=\"first-scan\"", html, StringComparison.Ordinal);
        Assert.Contains(firstScan.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Trend_Drift_ChartHasTheStoresNumbersPerDepartment()
    {
        using var client = await app.SignedInAsync("drift");

        var html = await client.GetStringAsync("/Inventory/Trend?period=90d&measure=vm");

        var from = Today.AddDays(-89);
        var rows = await Store.InventoryOverTimeAsync(from, Today, CancellationToken.None);
        using var chart = Chart(html);
        var labels = chart.RootElement.GetProperty("labels").EnumerateArray().Select(l => DateOnly.ParseExact(l.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(90, labels.Count);
        Assert.Equal(from, labels[0]);
        Assert.Equal(Today, labels[^1]);
        Assert.True(chart.RootElement.GetProperty("stacked").GetBoolean());
        var series = chart.RootElement.GetProperty("series").EnumerateArray().ToDictionary(s => s.GetProperty("label").GetString()!, s => s.GetProperty("data").EnumerateArray().Select(v => v.GetDecimal()).ToList());
        Assert.Equal(rows.Select(r => r.Department).Distinct().Order(StringComparer.Ordinal), series.Keys.Order(StringComparer.Ordinal));
        foreach (var (department, data) in series)
        {
            var expected = labels.Select(day => (decimal)(rows.FirstOrDefault(r => r.Day == day && r.Department == department)?.Vms ?? 0)).ToList();
            Assert.Equal(expected, data);
        }

        // Independent of the store: today's stacked total is every VM not removed, and the classified system's förvaltning has its four.
        await using var connection = await app.Database.DataSource.OpenConnectionAsync();
        var active = await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM sourcing.resource WHERE kind = 'vm' AND removed_at IS NULL");
        Assert.Equal(active, series.Values.Sum(s => s[^1]));
        Assert.Equal(4, series["Hälso- och sjukvårdsförvaltningen"][^1]);
    }

    [Fact]
    public async Task Trend_StorageForAYear_TableAndChartAgreeWithStore()
    {
        using var client = await app.SignedInAsync("sourcing");

        var html = await client.GetStringAsync("/Inventory/Trend?period=1y&measure=storage");

        Assert.Contains("<option value=\"1y\" selected=\"selected\">", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"storage\" selected=\"selected\">", html, StringComparison.Ordinal);
        Assert.Contains("id=\"trend-caveat\"", html, StringComparison.Ordinal);
        Assert.Contains("dagens storlek och dagens koppling", html, StringComparison.Ordinal);
        Assert.DoesNotMatch("<script(?![^>]*\\bsrc=)[^>]*>", html);
        Assert.DoesNotContain(" style=\"", html, StringComparison.Ordinal);
        using var chart = Chart(html);
        Assert.Equal("GiB", chart.RootElement.GetProperty("unit").GetString());
        var labels = chart.RootElement.GetProperty("labels").EnumerateArray().Select(l => l.GetString()).ToList();
        Assert.Equal(Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), labels[^1]);
        Assert.Equal(Today.AddDays(-7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), labels[^2]);

        // The month table: captioned, one row per month end plus today, a total that is the sum over förvaltningar.
        var table = TrendTable().Match(html);
        Assert.True(table.Success);
        Assert.Contains("<caption>Lagring (GiB) per förvaltning vid varje månadsslut", table.Value, StringComparison.Ordinal);
        var rows = RowPattern().Matches(table.Value).Select(m => m.Groups[1].Value).ToList();
        Assert.InRange(rows.Count, 12, 14);
        Assert.Equal(Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), rows[^1]);
        var storeRows = await Store.InventoryOverTimeAsync(Today.AddYears(-1).AddDays(1), Today, CancellationToken.None);
        var lastRow = TableRows().Matches(table.Value)[^1].Value;
        var cells = CellPattern().Matches(lastRow).Select(m => decimal.Parse(WebUtility.HtmlDecode(m.Groups[1].Value).Replace("\u00a0", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal), CultureInfo.InvariantCulture)).ToList();
        var today = storeRows.Where(r => r.Day == Today).ToList();
        Assert.Equal(today.Sum(r => Math.Round(r.StorageGib, 0)), cells[^1]);
        Assert.Equal(cells[..^1].Sum(), cells[^1]);
    }

    [Fact]
    public async Task Trend_Csv_HasTheMonthPointsWithAllMeasures()
    {
        using var client = await app.SignedInAsync("drift");
        var html = await client.GetStringAsync("/Inventory/Trend?period=3y&measure=vcpu");
        Assert.Matches("href=\"/Inventory/Trend\\?[^\"]*period=3y[^\"]*handler=Csv[^\"]*\"|href=\"/Inventory/Trend\\?[^\"]*handler=Csv[^\"]*period=3y[^\"]*\"", html);

        using var response = await client.GetAsync("/Inventory/Trend?handler=Csv&period=3y&measure=vcpu");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("inventarie-over-tid-", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName!.Trim('"'), StringComparison.Ordinal);
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("date;department;vms;vcpu;storage_gib", lines[0]);
        var rows = lines.Skip(1).Select(l => l.Split(';')).ToList();
        var dates = rows.Select(r => r[0]).Distinct().ToList();
        // Three years back, but the estate is only known from the fixture's first scan 400 days ago.
        Assert.InRange(dates.Count, 13, 16);
        Assert.Equal(Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), dates[^1]);
        var storeToday = await Store.InventoryOverTimeAsync(Today, Today, CancellationToken.None);
        var csvToday = rows.Where(r => r[0] == dates[^1]).ToList();
        Assert.Equal(storeToday.Sum(r => r.Vms), csvToday.Sum(r => int.Parse(r[2], CultureInfo.InvariantCulture)));
        Assert.Equal(storeToday.Sum(r => r.Vcpu), csvToday.Sum(r => long.Parse(r[3], CultureInfo.InvariantCulture)));
        // Three years back the seeded VMs (at most 120 days old) did not exist yet: every förvaltning is at zero.
        Assert.All(rows.Where(r => r[0] == dates[0]), r => Assert.Equal("0", r[2]));
    }

    [Fact]
    public async Task Trend_UnknownPeriodAndMeasure_FallBackTo90DaysOfVms()
    {
        using var client = await app.SignedInAsync("drift");

        using var response = await client.GetAsync("/Inventory/Trend?period=forever&measure=%3Cb%3E");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<option value=\"90d\" selected=\"selected\">", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"vm\" selected=\"selected\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        using var chart = Chart(html);
        Assert.Equal(90, chart.RootElement.GetProperty("labels").GetArrayLength());
    }

    [Fact]
    public async Task Trend_NavLink_ShownToDriftNotLedning()
    {
        using var drift = await app.SignedInAsync("drift");
        using var ledning = await app.SignedInAsync("ledning");

        Assert.Contains("href=\"/Inventory/Trend\"", await drift.GetStringAsync("/"), StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/Inventory/Trend\"", await ledning.GetStringAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TrendPage_Browser_StackedChartDrawsOneSeriesPerDepartment()
    {
        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 900 }, Locale = "sv-SE" });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                errors.Add(message.Text);
            }
        };
        await page.GotoAsync(new Uri(app.BaseAddress, "/Account/SignIn").ToString());
        await page.GetByLabel("Användarnamn").FillAsync("drift");
        await page.GetByLabel("Lösenord").FillAsync(WebAppFixture.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga in" }).ClickAsync();
        await page.WaitForURLAsync(u => !u.Contains("/Account/SignIn", StringComparison.Ordinal));

        await page.GotoAsync(new Uri(app.BaseAddress, "/Inventory/Trend?period=3y&measure=vcpu").ToString());
        // Chart.js registers a canvas it drew on; a broken data attribute or a blocked script would leave it blank.
        await page.WaitForFunctionAsync("() => window.Chart && window.Chart.getChart(document.querySelector('canvas[data-estate-chart]'))");
        var datasets = await page.EvaluateAsync<int>("() => window.Chart.getChart(document.querySelector('canvas[data-estate-chart]')).data.datasets.length");
        var stacked = await page.EvaluateAsync<bool>("() => window.Chart.getChart(document.querySelector('canvas[data-estate-chart]')).options.scales.y.stacked");

        var departments = (await Store.InventoryOverTimeAsync(Today.AddYears(-3).AddDays(1), Today, CancellationToken.None)).Select(r => r.Department).Distinct().Count();
        Assert.Equal(departments, datasets);
        Assert.True(stacked);
        Assert.Empty(errors);
        var screenshots = Path.Combine(RepoPaths.Root, "artifacts", "screenshots");
        Directory.CreateDirectory(screenshots);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "inventory-trend.png"), FullPage = true });
    }

    [Fact]
    public async Task SystemTimeline_ManyEvents_NewestFirstInPagesOf200()
    {
        var system = await Store.EnsureWorkloadAsync("Tidslinjesystem", "test", CancellationToken.None);
        await using var connection = await app.Database.DataSource.OpenConnectionAsync();
        var vm = await connection.ExecuteScalarAsync<long>("SELECT id FROM sourcing.resource WHERE name = 'web-116'");
        await Store.AssignByHandAsync([vm], system, "test", CancellationToken.None);
        await connection.ExecuteAsync(
            """
            INSERT INTO sourcing.resource_history (resource_id, at, change, fields)
            SELECT @vm, now() - (i || ' hours')::interval, 'changed', jsonb_build_array(jsonb_build_object('field', 'cpu_count', 'old', i, 'new', i + 1))
            FROM generate_series(1, 205) AS i
            """, new { vm });
        await connection.ExecuteAsync(
            """
            INSERT INTO sourcing.decision (workload_id, destination, reason, decided_by, decided_at, workload_snapshot)
            VALUES (@system, 'Retire', 'Ersätts av regionens <b>nya</b> tjänst', 'sourcing', now() - interval '30 minutes', @snapshot::jsonb)
            """, new { system, snapshot = JsonSerializer.Serialize(new Workload { Id = system, Name = "Tidslinjesystem" }, AssessmentJson.Options) });
        try
        {
            using var client = await app.SignedInAsync("drift");

            var first = await client.GetStringAsync($"/Systems/Detail?id={system}");
            var second = await client.GetStringAsync($"/Systems/Detail?id={system}&tp=2");

            var firstKinds = KindPattern().Matches(first).Select(m => m.Groups[1].Value).ToList();
            var secondKinds = KindPattern().Matches(second).Select(m => m.Groups[1].Value).ToList();
            // 205 changes, the hand assignment (just now) and the decision (30 minutes ago).
            Assert.Equal(200, firstKinds.Count);
            Assert.Equal(7, secondKinds.Count);
            Assert.Equal("assigned_hand", firstKinds[0]);
            Assert.Equal("decision", firstKinds[1]);
            Assert.All(firstKinds.Skip(2), k => Assert.Equal("resource_changed", k));
            Assert.Contains("Kopplad till systemet för hand", first, StringComparison.Ordinal);
            Assert.Contains("Beslut", first, StringComparison.Ordinal);
            Assert.Contains("Avveckling</span>: Ersätts av regionens &lt;b&gt;nya&lt;/b&gt; tjänst", first, StringComparison.Ordinal);
            Assert.Contains("Servern ändrades", first, StringComparison.Ordinal);
            Assert.Contains("id=\"timeline-more\"", first, StringComparison.Ordinal);
            Assert.Contains($"/Systems/Detail?id={system}&amp;tp=2#timeline-heading", first, StringComparison.Ordinal);
            Assert.DoesNotContain("id=\"timeline-more\"", second, StringComparison.Ordinal);
            var times = TimePattern().Matches(TimelineTable().Match(first).Value).Concat(TimePattern().Matches(TimelineTable().Match(second).Value))
                .Select(m => DateTime.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal)).ToList();
            Assert.Equal(207, times.Count);
            Assert.Equal(times.OrderByDescending(t => t), times);
        }
        finally
        {
            await connection.ExecuteAsync("DELETE FROM sourcing.resource_history WHERE resource_id = @vm", new { vm });
            await connection.ExecuteAsync("DELETE FROM sourcing.decision WHERE workload_id = @system", new { system });
            await connection.ExecuteAsync("DELETE FROM sourcing.workload WHERE id = @system", new { system });
        }
    }

    [Fact]
    public async Task SystemTimeline_SeededSystem_ShowsItsResourcesAssignments()
    {
        using var client = await app.SignedInAsync("sourcing");

        var html = await client.GetStringAsync($"/Systems/Detail?id={app.SystemId}");

        var table = TimelineTable().Match(html).Value;
        Assert.Contains("<caption>", table, StringComparison.Ordinal);
        Assert.Equal(4, Regex.Count(table, "data-kind=\"assigned_hand\""));
        Assert.Contains(">web-001</a>", table, StringComparison.Ordinal);
        Assert.DoesNotContain(">web-005</a>", table, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SystemTimeline_SystemWithoutResources_SaysSo()
    {
        var system = await Store.EnsureWorkloadAsync("Tidslinje utan servrar", "test", CancellationToken.None);
        try
        {
            using var client = await app.SignedInAsync("drift");

            var html = await client.GetStringAsync($"/Systems/Detail?id={system}&tp=-3");

            Assert.Contains("id=\"no-timeline\"", html, StringComparison.Ordinal);
            Assert.DoesNotContain("id=\"timeline-table\"", html, StringComparison.Ordinal);
        }
        finally
        {
            await using var connection = await app.Database.DataSource.OpenConnectionAsync();
            await connection.ExecuteAsync("DELETE FROM sourcing.workload WHERE id = @system", new { system });
        }
    }

    private static JsonDocument Chart(string html)
    {
        var match = ChartAttribute().Match(html);
        Assert.True(match.Success, "the page has a chart");
        return JsonDocument.Parse(WebUtility.HtmlDecode(match.Groups[1].Value));
    }

    [GeneratedRegex("data-estate-chart=\"([^\"]*)\"")]
    private static partial Regex ChartAttribute();

    [GeneratedRegex("<table class=\"data-table compact\" id=\"trend-table\">.*?</table>", RegexOptions.Singleline)]
    private static partial Regex TrendTable();

    [GeneratedRegex("<table class=\"data-table compact\" id=\"timeline-table\">.*?</table>", RegexOptions.Singleline)]
    private static partial Regex TimelineTable();

    [GeneratedRegex("<th scope=\"row\"><time datetime=\"([0-9-]+)\">")]
    private static partial Regex RowPattern();

    [GeneratedRegex("<tr>.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex TableRows();

    [GeneratedRegex("<td class=\"num\">([^<]*)</td>")]
    private static partial Regex CellPattern();

    [GeneratedRegex("<tr data-kind=\"([a-z_]+)\">")]
    private static partial Regex KindPattern();

    [GeneratedRegex("<time datetime=\"([0-9TZ:-]+)\">")]
    private static partial Regex TimePattern();
}
