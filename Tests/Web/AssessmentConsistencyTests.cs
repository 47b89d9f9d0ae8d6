using System.Globalization;
using System.Text.RegularExpressions;
using CsvHelper;
using CsvHelper.Configuration;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Sourcing.Collector.Assessment;
using Sourcing.Tests.Support;

namespace Sourcing.Tests.Web;

/// <summary>
/// One system has one assessment: the list, the system page, the list's CSV, `sourcing decide` and
/// the stored assessment show the same drift hours and recommendation. The region states its drift
/// FTE here, so calibration scales the model (factor ≠ 1) and an uncalibrated path would show.
/// </summary>
[Collection("Web")]
public sealed partial class AssessmentConsistencyTests(WebAppFixture app)
{
    [Fact]
    public async Task DriftHoursAndRecommendation_CalibratedEstate_AreTheSameOnEveryPageExportAndCommand()
    {
        var services = app.Factory.Services;
        var store = services.GetRequiredService<AssessmentStore>();
        var before = (await store.GetSettingsAsync(CancellationToken.None)).Effort;
        await store.SaveEffortParametersAsync(before with { StatedDriftFte = 3.5 }, "test", CancellationToken.None);
        long? decisionId = null;
        try
        {
            var report = await services.GetRequiredService<AnalyzeJob>().RunAsync(CancellationToken.None);
            Assert.True(Math.Abs(report.Calibration.Factor - 1) > 0.01, $"calibration factor {report.Calibration.Factor} must differ from 1");
            var stored = (await store.GetAssessmentAsync(app.SystemId, CancellationToken.None))!;
            var assessment = stored.ToAssessment();
            var hours = Math.Round(stored.DriftHours).ToString("F0", CultureInfo.InvariantCulture);
            var model = Math.Round(assessment.Effort.ModelHours).ToString("F0", CultureInfo.InvariantCulture);
            Assert.NotEqual(hours, model);
            Assert.Equal(stored.DriftHours, assessment.DriftHours);
            Assert.Equal(stored.Recommendation, assessment.Recommendation.Destination?.ToString());
            var recommended = stored.Recommendation ?? "underlag saknas";
            using var client = await app.SignedInAsync("sourcing");

            // The list.
            var list = Digits(await client.GetStringAsync("/Systems?q=Journalsystemet"));
            var row = ListRow().Match(list);
            Assert.True(row.Success, "the list has a row for Journalsystemet");
            Assert.Equal(hours, NumberCells().Matches(row.Value)[^1].Groups[1].Value);

            // The system page.
            var detail = Digits(await client.GetStringAsync($"/Systems/Detail?id={app.SystemId}"));
            Assert.Equal(hours, DetailHours().Match(detail).Groups[1].Value);
            Assert.Equal(model, DetailHours().Match(detail).Groups[2].Value);

            // The list's CSV, read as a Swedish Excel would (semicolon, decimal comma).
            using (var response = await client.GetAsync("/Systems?handler=Csv&q=Journalsystemet"))
            using (var reader = new CsvReader(new StringReader(await response.Content.ReadAsStringAsync()), new CsvConfiguration(CultureInfo.GetCultureInfo("sv-SE")) { Delimiter = ";" }))
            {
                Assert.True(await reader.ReadAsync());
                reader.ReadHeader();
                Assert.True(await reader.ReadAsync());
                Assert.Equal("Journalsystemet", reader.GetField("name"));
                Assert.Equal(Math.Round(stored.DriftHours), reader.GetField<double>("drift_hours"));
                Assert.Equal(stored.Recommendation ?? "", reader.GetField("recommendation"));
                Assert.Equal(Math.Round(stored.Confidence, 2), reader.GetField<double>("confidence"));
            }

            // `sourcing decide`: it runs the same analysis and prints the same hours and recommendation.
            await using var cli = CliRunner.Services(app.Database);
            var (code, output, _) = await CliRunner.RunAsync(
                cli, "decide", app.SystemId.ToString(CultureInfo.InvariantCulture), "--destination", "InHouse", "--reason", "konsistenstest", "--by", "test");
            Assert.Equal(0, code);
            var printed = DecideOutput().Match(output);
            Assert.True(printed.Success, output);
            decisionId = long.Parse(printed.Groups[1].Value, CultureInfo.InvariantCulture);
            Assert.Equal(recommended, printed.Groups[2].Value);
            Assert.Equal(hours, printed.Groups[3].Value);

            // And the stored assessment after decide's run is still the same.
            Assert.Equal(stored.DriftHours, (await store.GetAssessmentAsync(app.SystemId, CancellationToken.None))!.DriftHours, 6);
        }
        finally
        {
            await using (var connection = await app.Database.DataSource.OpenConnectionAsync())
            {
                await connection.ExecuteAsync("DELETE FROM sourcing.decision WHERE id = @decisionId", new { decisionId });
            }

            await store.SaveEffortParametersAsync(before, "test", CancellationToken.None);
            await services.GetRequiredService<AnalyzeJob>().RunAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task SystemPage_NeverAnalysed_ShowsTheEstatesComputationAndWritesNothing()
    {
        long id;
        await using (var connection = await app.Database.DataSource.OpenConnectionAsync())
        {
            id = await connection.ExecuteScalarAsync<long>(
                "INSERT INTO sourcing.workload (name, confidentiality, integrity, availability, personal_data, security_classified) VALUES ('Konsistens-nytt', 1, 1, 1, 'none', false) RETURNING id");
        }

        using var client = await app.SignedInAsync("drift");
        using var response = await client.GetAsync($"/Systems/Detail?id={id}");

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Regelgrind och poäng per destination", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(await app.Factory.Services.GetRequiredService<AssessmentStore>().GetAssessmentAsync(id, CancellationToken.None));
    }

    /// <summary>The page with group separators (sv-SE: a no-break space, maybe encoded) taken out of numbers.</summary>
    private static string Digits(string html) => GroupSeparator().Replace(html, "");

    [GeneratedRegex(@"(?<=\d)(?:\u00A0|\u202F|&#xA0;|&#x202F;|&nbsp;)(?=\d)")]
    private static partial Regex GroupSeparator();

    [GeneratedRegex(@">Journalsystemet</a></th>.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex ListRow();

    [GeneratedRegex(@"<td class=""num"">(\d+)</td>")]
    private static partial Regex NumberCells();

    [GeneratedRegex(@"(\d+) timmar per år \(modellen före kalibrering: (\d+)\)")]
    private static partial Regex DetailHours();

    [GeneratedRegex(@"Decision (\d+): system \d+ → InHouse \(rules recommend ([^;]+); drift (\d+) h/year\)")]
    private static partial Regex DecideOutput();
}
