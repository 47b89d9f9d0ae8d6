using System.Net;
using Dapper;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Sourcing.Analyzer.Assessment;
using Sourcing.Collector.Assessment;

namespace Sourcing.Tests.Web;

/// <summary>The settings page: reading the rules in force and saving new versions of rules and weights.</summary>
[Collection("Web")]
public sealed class SettingsPageTests(WebAppFixture app)
{
    [Fact]
    public async Task Get_Sourcing_ShowsRulesWeightsEffortAndPlanningWithEditor()
    {
        using var client = await app.SignedInAsync("sourcing");

        var html = await client.GetStringAsync("/Settings");

        Assert.Contains("Inställningar", html, StringComparison.Ordinal);
        Assert.Contains("K3, patient- och hälsodata", html, StringComparison.Ordinal);
        Assert.Contains("id=\"rulesJson\"", html, StringComparison.Ordinal);
        Assert.Contains("OsSupport", html, StringComparison.Ordinal);
        Assert.Contains("VmsPerFte", html, StringComparison.Ordinal);
        Assert.Contains("Virtuella servrar per driftårsarbetare", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_Drift_ShowsTablesWithoutEditor()
    {
        using var client = await app.SignedInAsync("drift");

        var html = await client.GetStringAsync("/Settings");

        Assert.Contains("K3, patient- och hälsodata", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"rulesJson\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SaveRules_EditedRuleSet_CreatesNewVersionAndQueuesAssessment()
    {
        var store = app.Factory.Services.GetRequiredService<AssessmentStore>();
        var jobs = app.Factory.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var before = await store.GetSettingsAsync(CancellationToken.None);
        var queuedBefore = jobs.EnqueuedCount("default");
        var edited = before.Rules with
        {
            Rules = [.. before.Rules.Rules.Select(r => r.Id == "K2" ? r with { Description = "K2 enligt regionens jurister 2026" } : r)],
        };
        using var client = await app.SignedInAsync("sourcing");

        try
        {
            using var response = await PostAsync(client, "/Settings?handler=Rules", new() { ["rulesJson"] = edited.ToJson(indented: true) });

            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            var after = await store.GetSettingsAsync(CancellationToken.None);
            Assert.Equal(await MaxVersionAsync("gate_rule_set"), after.Rules.Version);
            Assert.Equal(1, await CountAsync("gate_rule_set"));
            Assert.Equal("K2 enligt regionens jurister 2026", after.Rules.Rules.Single(r => r.Id == "K2").Description);
            Assert.True(jobs.EnqueuedCount("default") > queuedBefore);
            var html = await client.GetStringAsync("/Settings");
            Assert.Contains($"Version {after.Rules.Version} sparad", html, StringComparison.Ordinal);
            Assert.Contains("K2 enligt regionens jurister 2026", html, StringComparison.Ordinal);
        }
        finally
        {
            // Other tests in the collection rely on the default rule table.
            await using var connection = await app.Database.DataSource.OpenConnectionAsync();
            await connection.ExecuteAsync("DELETE FROM sourcing.gate_rule_set WHERE created_by = 'sourcing'");
        }
    }

    [Fact]
    public async Task SaveWeights_Edited_CreatesNewVersion()
    {
        var store = app.Factory.Services.GetRequiredService<AssessmentStore>();
        var before = await store.GetSettingsAsync(CancellationToken.None);
        using var client = await app.SignedInAsync("sourcing");

        try
        {
            using var response = await PostAsync(client, "/Settings?handler=Weights",
                new() { ["weightsJson"] = (before.Weights with { OsSupport = 17.5 }).ToJson() });

            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            var after = await store.GetSettingsAsync(CancellationToken.None);
            Assert.Equal(await MaxVersionAsync("scoring_weights"), after.Weights.Version);
            Assert.Equal(1, await CountAsync("scoring_weights"));
            Assert.Equal(17.5, after.Weights.OsSupport);
        }
        finally
        {
            await using var connection = await app.Database.DataSource.OpenConnectionAsync();
            await connection.ExecuteAsync("DELETE FROM sourcing.scoring_weights WHERE created_by = 'sourcing'");
        }
    }

    [Theory]
    [InlineData("{ \"version\": 1, \"rules\": [ { \"id\": \"K2\" ")]
    [InlineData("{ \"version\": 1 }")]
    [InlineData("null")]
    public async Task SaveRules_InvalidJson_IsRefusedWithMessageAndNothingSaved(string json)
    {
        using var client = await app.SignedInAsync("sourcing");

        using var response = await PostAsync(client, "/Settings?handler=Rules", new() { ["rulesJson"] = json });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("id=\"rules-error\"", html, StringComparison.Ordinal);
        Assert.Contains("Inget sparades", html, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync("gate_rule_set"));
    }

    [Fact]
    public async Task SaveWeights_InvalidJson_IsRefusedAndNothingSaved()
    {
        using var client = await app.SignedInAsync("sourcing");

        using var response = await PostAsync(client, "/Settings?handler=Weights", new() { ["weightsJson"] = "{ \"osSupport\": \"mycket\" }" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("id=\"weights-error\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync("scoring_weights"));
    }

    [Fact]
    public async Task SaveRules_DriftUser_IsRefusedAndNothingSaved()
    {
        using var client = await app.SignedInAsync("drift");

        using var response = await PostAsync(client, "/Settings?handler=Rules", new() { ["rulesJson"] = GateRuleSet.Default.ToJson() });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync("gate_rule_set", "drift"));
    }

    private async Task<int> CountAsync(string table, string createdBy = "sourcing")
    {
        await using var connection = await app.Database.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<int>($"SELECT count(*) FROM sourcing.{table} WHERE created_by = @createdBy", new { createdBy });
    }

    private async Task<int> MaxVersionAsync(string table)
    {
        await using var connection = await app.Database.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<int>($"SELECT max(version) FROM sourcing.{table} WHERE created_by = 'sourcing'");
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await WebAppFixture.TokenAsync(client, "/Settings");
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(path, content);
    }
}
