using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Sourcing.Analyzer;
using Sourcing.Analyzer.Assessment;
using Sourcing.Collector.Assessment;
using Sourcing.Web.Settings;

namespace Sourcing.Tests.Web;

/// <summary>
/// The settings pages: the rule table with law and policy labels, a rule edited in its form with a
/// preview before saving, the weights form with Swedish range checks, and the version history.
/// </summary>
[Collection("Web")]
public sealed partial class SettingsPageTests(WebAppFixture app)
{
    [Fact]
    public async Task Get_Sourcing_ShowsRulesLabelledLawOrPolicyWithSourcesAndForms()
    {
        using var client = await app.SignedInAsync("sourcing");

        var html = await client.GetStringAsync("/Settings");

        Assert.Contains("Inställningar", html, StringComparison.Ordinal);
        Assert.Contains("K3, patient- och hälsodata", html, StringComparison.Ordinal);
        Assert.Contains("badge basis-law", html, StringComparison.Ordinal);
        Assert.Contains("badge basis-policy", html, StringComparison.Ordinal);
        Assert.Contains("Lag: 10 kap. 2 a § offentlighets- och sekretesslagen (2009:400)", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://lagen.nu/2009:400#K10P2a\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/Settings/Rule?id=K3-POLICY\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/Settings/Parameters/weights\"", html, StringComparison.Ordinal);
        Assert.Contains("Operativsystem utan support", html, StringComparison.Ordinal);
        Assert.Contains("Virtuella servrar per driftårsarbetare", html, StringComparison.Ordinal);
        Assert.DoesNotContain("textarea", html, StringComparison.Ordinal);
        Assert.DoesNotContain("TwentyFourSevenMultiplier", html, StringComparison.Ordinal);
        Assert.DoesNotContain("research/domain.md", html, StringComparison.Ordinal);
        Assert.DoesNotContain("UNVERIFIED", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_Drift_ShowsTablesWithoutEditLinks()
    {
        using var client = await app.SignedInAsync("drift");

        var html = await client.GetStringAsync("/Settings");

        Assert.Contains("K3, patient- och hälsodata", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/Settings/Rule?id=", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/Settings/Rule?id=K3")).StatusCode);
    }

    [Fact]
    public async Task RuleForm_EditedRule_ChangesExactlyTheVerdictsThePreviewAnnounced()
    {
        var store = app.Factory.Services.GetRequiredService<AssessmentStore>();
        var before = await store.GetSettingsAsync(CancellationToken.None);
        var verdictsBefore = await VerdictsAsync(before);
        // The region's lawyers decide that K3 data may go to a US-owned cloud after a suitability
        // assessment: the policy rule no longer blocks public cloud (SaaS stays blocked).
        var fields = Fields(RuleInput.From(before.Rules.Rules.Single(r => r.Id == "K3-POLICY"), before.Rules.Version));
        var cloudRow = fields.Single(f => f.Key.EndsWith(".Destination", StringComparison.Ordinal) && f.Value == "PublicCloud").Key;
        fields[cloudRow.Replace(".Destination", ".Effect", StringComparison.Ordinal)] = "";
        fields["Input.DecidedBy"] = "Regionstyrelsen";
        fields["Input.DecidedOn"] = "2026-02-01";
        fields["Input.Note"] = "Beslut RS 2026/12";
        using var client = await app.SignedInAsync("sourcing");

        try
        {
            using var previewResponse = await PostAsync(client, "/Settings/Rule?id=K3-POLICY", "/Settings/Rule?handler=Preview", fields);
            var preview = await previewResponse.Content.ReadAsStringAsync();

            Assert.Equal(HttpStatusCode.OK, previewResponse.StatusCode);
            Assert.Contains("id=\"save-button\"", preview, StringComparison.Ordinal);
            Assert.Equal(0, await CountAsync("gate_rule_set"));
            var announced = Announced(preview);
            Assert.Contains((app.SystemId, Destination.PublicCloud, GateVerdict.Blocked, GateVerdict.Conditional), announced);

            using var saveResponse = await PostAsync(client, "/Settings/Rule?id=K3-POLICY", "/Settings/Rule?handler=Save", fields);

            Assert.Equal(HttpStatusCode.Redirect, saveResponse.StatusCode);
            var after = await store.GetSettingsAsync(CancellationToken.None);
            var rule = after.Rules.Rules.Single(r => r.Id == "K3-POLICY");
            Assert.Equal("Regionstyrelsen", rule.DecidedBy);
            Assert.DoesNotContain(rule.Effects, e => e.Destination == Destination.PublicCloud);
            // The save refreshed the stored assessment itself (no queued job): the system page below reads it.
            var verdictsAfter = await VerdictsAsync(after);
            var actual = verdictsBefore.Keys
                .Where(k => verdictsAfter.TryGetValue(k, out var v) && v != verdictsBefore[k])
                .Select(k => (k.System, k.Destination, verdictsBefore[k], verdictsAfter[k]))
                .ToHashSet();
            Assert.Equal(announced.ToHashSet(), actual);

            var detail = await client.GetStringAsync($"/Systems/Detail?id={app.SystemId}");
            Assert.Contains("Policy, beslutad av Regionstyrelsen 2026-02-01", detail, StringComparison.Ordinal);
            var history = await client.GetStringAsync("/Settings/History");
            Assert.Contains("Regel K3-POLICY ändrades: beslut, effekter", history, StringComparison.Ordinal);
            Assert.Contains("Beslut RS 2026/12", history, StringComparison.Ordinal);
        }
        finally
        {
            // Other tests in the collection rely on the default rule table.
            await using var connection = await app.Database.DataSource.OpenConnectionAsync();
            await connection.ExecuteAsync("DELETE FROM sourcing.gate_rule_set WHERE created_by = 'sourcing'");
        }
    }

    [Fact]
    public async Task RuleForm_Invalid_IsRefusedWithSwedishMessagesNamingTheField()
    {
        var rules = (await app.Factory.Services.GetRequiredService<AssessmentStore>().GetSettingsAsync(CancellationToken.None)).Rules;
        var fields = Fields(RuleInput.From(rules.Rules.Single(r => r.Id == "K2"), rules.Version));
        fields["Input.Description"] = " ";
        fields["Input.LawReference"] = "";
        fields["Input.Effects[0].Points"] = "mycket";
        using var client = await app.SignedInAsync("sourcing");

        using var response = await PostAsync(client, "/Settings/Rule?id=K2", "/Settings/Rule?handler=Save", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Inget sparades", html, StringComparison.Ordinal);
        Assert.Contains("Beskrivning: beskriv vilka system regeln gäller.", html, StringComparison.Ordinal);
        Assert.Contains("Lagrum: en lagregel ska ange lag och paragraf", html, StringComparison.Ordinal);
        Assert.Contains("poängen ska vara ett tal mellan 0 och 100", html, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync("gate_rule_set"));
    }

    [Theory]
    [InlineData("150", "Operativsystem utan support: 150 ligger utanför det tillåtna intervallet 0–50 poäng.")]
    [InlineData("mycket", "Operativsystem utan support: ”mycket” är inte ett tal.")]
    [InlineData("", "Operativsystem utan support: ange ett värde mellan 0 och 50 poäng.")]
    public async Task WeightsForm_InvalidWeight_IsRefusedWithSwedishMessageNamingTheField(string value, string message)
    {
        using var client = await app.SignedInAsync("sourcing");
        var fields = await WeightFieldsAsync();
        fields["value-OsSupport"] = value;

        using var response = await PostAsync(client, "/Settings/Parameters/weights", "/Settings/Parameters/weights?handler=Save", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", html, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync("scoring_weights"));
    }

    [Fact]
    public async Task WeightsForm_SwedishDecimal_PreviewsThenSavesNewVersion()
    {
        var store = app.Factory.Services.GetRequiredService<AssessmentStore>();
        using var client = await app.SignedInAsync("sourcing");
        var fields = await WeightFieldsAsync();
        fields["value-OsSupport"] = "17,5";

        try
        {
            using var preview = await PostAsync(client, "/Settings/Parameters/weights", "/Settings/Parameters/weights?handler=Preview", fields);
            Assert.Contains("id=\"preview-heading\"", await preview.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(0, await CountAsync("scoring_weights"));

            using var response = await PostAsync(client, "/Settings/Parameters/weights", "/Settings/Parameters/weights?handler=Save", fields);

            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            var after = await store.GetSettingsAsync(CancellationToken.None);
            Assert.Equal(17.5, after.Weights.OsSupport);
            Assert.Equal(1, await CountAsync("scoring_weights"));
            var history = WebUtility.HtmlDecode(await client.GetStringAsync("/Settings/History"));
            Assert.Contains("Operativsystem utan support: 15 → 17,5 poäng", history, StringComparison.Ordinal);
        }
        finally
        {
            await using var connection = await app.Database.DataSource.OpenConnectionAsync();
            await connection.ExecuteAsync("DELETE FROM sourcing.scoring_weights WHERE created_by = 'sourcing'");
        }
    }

    [Fact]
    public async Task EffortForm_OutOfRange_IsRefused()
    {
        using var client = await app.SignedInAsync("sourcing");
        var settings = await app.Factory.Services.GetRequiredService<AssessmentStore>().GetSettingsAsync(CancellationToken.None);
        var fields = ParameterCatalog.Values(settings.Effort, ParameterCatalog.Effort)
            .ToDictionary(v => "value-" + v.Key, v => v.Value?.ToString(CultureInfo.InvariantCulture) ?? "");
        fields["BaseVersion"] = settings.Effort.Version.ToString(CultureInfo.InvariantCulture);
        fields["value-ProductiveHoursPerFte"] = "6000";

        using var response = await PostAsync(client, "/Settings/Parameters/effort", "/Settings/Parameters/effort?handler=Save", fields);

        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Produktiva timmar per årsarbetare: 6 000 ligger utanför det tillåtna intervallet 800–2 200 timmar per år.", html.Replace('\u00a0', ' '), StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync("effort_parameters"));
    }

    [Fact]
    public async Task SystemPage_ShowsLawAndPolicyLabelsOfTheDecidingRules()
    {
        long k2System;
        await using (var connection = await app.Database.DataSource.OpenConnectionAsync())
        {
            k2System = await connection.ExecuteScalarAsync<long>(
                """
                INSERT INTO sourcing.workload (name, confidentiality, integrity, availability, personal_data, security_classified,
                                               medical_device, requires_offline, availability_need)
                VALUES ('Lönesystemet lagtest', 2, 2, 2, 'ordinary', false, false, false, 'office_hours') RETURNING id
                """);
        }

        using var client = await app.SignedInAsync("drift");

        try
        {
            // Patient data to a US-owned cloud is blocked by the region's policy, not by law ...
            var journal = await client.GetStringAsync($"/Systems/Detail?id={app.SystemId}");
            Assert.Contains("data-basis=\"Policy\"", journal, StringComparison.Ordinal);
            Assert.Contains("Policy: standardvärde i Sourcing, ännu inte fastställt av regionen", journal, StringComparison.Ordinal);

            // ... while K2 to a US-owned cloud is conditional by law (a suitability assessment).
            var payroll = await client.GetStringAsync($"/Systems/Detail?id={k2System}");
            Assert.Contains("data-basis=\"Law\"", payroll, StringComparison.Ordinal);
            Assert.Contains("Lag: 10 kap. 2 a § offentlighets- och sekretesslagen (2009:400)", payroll, StringComparison.Ordinal);
        }
        finally
        {
            await using var connection = await app.Database.DataSource.OpenConnectionAsync();
            await connection.ExecuteAsync("DELETE FROM sourcing.workload WHERE id = @k2System", new { k2System });
        }
    }

    [Fact]
    public async Task Save_DriftUser_IsRefusedAndNothingSaved()
    {
        using var client = await app.SignedInAsync("drift");
        var fields = await WeightFieldsAsync();

        using var response = await PostAsync(client, "/Settings", "/Settings/Parameters/weights?handler=Save", fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync("scoring_weights", "drift"));
    }

    /// <summary>(system, destination) → verdict for every system, as the nightly analysis computes it.</summary>
    private async Task<Dictionary<(long System, Destination Destination), GateVerdict>> VerdictsAsync(AssessmentSettings settings)
    {
        var workloads = await app.Factory.Services.GetRequiredService<IWorkloadSource>().GetWorkloadsAsync(CancellationToken.None);
        var report = Assessor.Assess(settings.InputFor(workloads, TimeProvider.System));
        return report.Workloads
            .SelectMany(w => w.Gate.Destinations.Select(d => (Key: (w.WorkloadId, d.Destination), d.Verdict)))
            .ToDictionary(x => x.Key, x => x.Verdict);
    }

    private static List<(long, Destination, GateVerdict, GateVerdict)> Announced(string html) =>
        AnnouncedRow().Matches(html)
            .SelectMany(m => WebUtility.HtmlDecode(m.Groups["v"].Value).Split(';', StringSplitOptions.RemoveEmptyEntries).Select(change =>
            {
                var parts = change.Split(':', '>');
                return (long.Parse(m.Groups["id"].Value, CultureInfo.InvariantCulture), Enum.Parse<Destination>(parts[0]),
                    Enum.Parse<GateVerdict>(parts[1]), Enum.Parse<GateVerdict>(parts[2]));
            }))
            .ToList();

    [GeneratedRegex("data-system=\"(?<id>\\d+)\" data-verdicts=\"(?<v>[^\"]*)\"")]
    private static partial Regex AnnouncedRow();

    /// <summary>The form fields the rule page posts for <paramref name="input"/>.</summary>
    private static Dictionary<string, string> Fields(RuleInput input)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.OriginalId"] = input.OriginalId ?? "",
            ["Input.BaseVersion"] = input.BaseVersion.ToString(CultureInfo.InvariantCulture),
            ["Input.Id"] = input.Id ?? "",
            ["Input.Description"] = input.Description ?? "",
            ["Input.Basis"] = input.Basis.ToString(),
            ["Input.LawReference"] = input.LawReference ?? "",
            ["Input.DecidedBy"] = input.DecidedBy ?? "",
            ["Input.DecidedOn"] = input.DecidedOn ?? "",
            ["Input.Source"] = input.Source ?? "",
            ["Input.SourceUrl"] = input.SourceUrl ?? "",
            ["Input.Match"] = input.Match.ToString(),
            ["Input.MinConfidentiality"] = input.MinConfidentiality ?? "",
            ["Input.MinIntegrity"] = input.MinIntegrity ?? "",
            ["Input.MinAvailability"] = input.MinAvailability ?? "",
            ["Input.SecurityClassified"] = input.SecurityClassified ?? "",
            ["Input.MedicalDevice"] = input.MedicalDevice ?? "",
            ["Input.RequiresOffline"] = input.RequiresOffline ?? "",
        };
        for (var i = 0; i < input.PersonalData.Count; i++)
        {
            fields[$"Input.PersonalData[{i}]"] = input.PersonalData[i].ToString();
        }

        for (var i = 0; i < input.Effects.Count; i++)
        {
            var e = input.Effects[i];
            fields[$"Input.Effects[{i}].Destination"] = e.Destination.ToString();
            fields[$"Input.Effects[{i}].Effect"] = e.Effect ?? "";
            fields[$"Input.Effects[{i}].Jurisdiction"] = e.Jurisdiction ?? "";
            fields[$"Input.Effects[{i}].Points"] = e.Points ?? "";
            fields[$"Input.Effects[{i}].Text"] = e.Text ?? "";
        }

        return fields;
    }

    private async Task<Dictionary<string, string>> WeightFieldsAsync()
    {
        var settings = await app.Factory.Services.GetRequiredService<AssessmentStore>().GetSettingsAsync(CancellationToken.None);
        var fields = ParameterCatalog.Values(settings.Weights, ParameterCatalog.Weights)
            .ToDictionary(v => "value-" + v.Key, v => v.Value?.ToString(CultureInfo.InvariantCulture) ?? "");
        fields["BaseVersion"] = settings.Weights.Version.ToString(CultureInfo.InvariantCulture);
        return fields;
    }

    private async Task<int> CountAsync(string table, string createdBy = "sourcing")
    {
        await using var connection = await app.Database.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<int>($"SELECT count(*) FROM sourcing.{table} WHERE created_by = @createdBy", new { createdBy });
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string formPage, string path, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await WebAppFixture.TokenAsync(client, formPage);
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(path, content);
    }
}
