using System.Net;
using Dapper;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Sourcing.Analyzer.Workloads.Mapping;
using Sourcing.Collector.Workloads;

namespace Sourcing.Tests.Web;

/// <summary>The mapping page's rule editing, rule order and removal of hand assignments.</summary>
[Collection("Web")]
public sealed class MappingPageTests(WebAppFixture app)
{
    private WorkloadStore Store => app.Factory.Services.GetRequiredService<WorkloadStore>();

    private long Queued => app.Factory.Services.GetRequiredService<JobStorage>().GetMonitoringApi().EnqueuedCount("default");

    [Fact]
    public async Task EditRule_ValidChange_IsSavedAndMappingQueued()
    {
        var id = await NewRuleAsync("Redigerbar regel", 7000);
        try
        {
            using var client = await app.SignedInAsync("drift");
            var form = await client.GetStringAsync($"/Mapping?edit={id}");
            Assert.Contains("id=\"rule-edit-form\"", form, StringComparison.Ordinal);
            Assert.Contains("value=\"^(?&lt;workload&gt;redigera)-\"", form, StringComparison.Ordinal);
            var queued = Queued;

            using var response = await PostAsync(client, $"/Mapping?handler=EditRule&id={id}", EditFields("^(?<workload>andrad)-", "Ändrad regel", enabled: false));

            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            var rule = (await Store.ListRulesAsync(CancellationToken.None)).Single(r => r.Id == id);
            Assert.Equal("^(?<workload>andrad)-", rule.MatchRegex);
            Assert.Equal("Ändrad regel", rule.Description);
            Assert.Equal(7100, rule.Position);
            Assert.False(rule.Enabled);
            // The field the form does not show keeps its stored value.
            Assert.Equal("Förvaltning", rule.DepartmentTag);
            Assert.Equal(queued + 1, Queued);
            Assert.Contains("Regeln ändrades", await client.GetStringAsync("/Mapping"), StringComparison.Ordinal);
        }
        finally
        {
            await Store.DeleteRuleAsync(id, CancellationToken.None);
        }
    }

    [Fact]
    public async Task EditRule_InvalidPattern_ShowsSwedishErrorAndSavesNothing()
    {
        var id = await NewRuleAsync("Regel som ska stå kvar", 7001);
        try
        {
            using var client = await app.SignedInAsync("sourcing");
            var queued = Queued;

            using var response = await PostAsync(client, $"/Mapping?handler=EditRule&id={id}", EditFields("(ofullständig", "Ska inte sparas", enabled: true));
            var html = await response.Content.ReadAsStringAsync();

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("Regeln sparades inte: ogiltigt reguljärt uttryck", html, StringComparison.Ordinal);
            // The form is shown again with what was typed, so it can be corrected.
            Assert.Contains("value=\"(ofullständig\"", html, StringComparison.Ordinal);
            var rule = (await Store.ListRulesAsync(CancellationToken.None)).Single(r => r.Id == id);
            Assert.Equal("^(?<workload>redigera)-", rule.MatchRegex);
            Assert.Equal("Regel som ska stå kvar", rule.Description);
            Assert.Equal(queued, Queued);
        }
        finally
        {
            await Store.DeleteRuleAsync(id, CancellationToken.None);
        }
    }

    [Fact]
    public async Task EditRule_UnknownRule_IsNotFound()
    {
        using var client = await app.SignedInAsync("drift");

        using var response = await PostAsync(client, "/Mapping?handler=EditRule&id=987654321", EditFields("^(?<workload>x)-", "x", enabled: true));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task MoveRule_UpAndDown_SwapsWithNeighbourAndQueuesMapping()
    {
        var first = await NewRuleAsync("Flyttregel A", 8000);
        var second = await NewRuleAsync("Flyttregel B", 8010);
        try
        {
            using var client = await app.SignedInAsync("drift");
            var queued = Queued;

            using var up = await PostAsync(client, $"/Mapping?handler=MoveRule&id={second}&dir=up", []);

            Assert.Equal(HttpStatusCode.Redirect, up.StatusCode);
            var order = (await Store.ListRulesAsync(CancellationToken.None)).Select(r => r.Id).ToList();
            Assert.True(order.IndexOf(second) == order.IndexOf(first) - 1, "B now comes right before A");
            Assert.Equal(queued + 1, Queued);

            using var down = await PostAsync(client, $"/Mapping?handler=MoveRule&id={second}&dir=down", []);

            Assert.Equal(HttpStatusCode.Redirect, down.StatusCode);
            order = (await Store.ListRulesAsync(CancellationToken.None)).Select(r => r.Id).ToList();
            Assert.True(order.IndexOf(second) == order.IndexOf(first) + 1, "B is back after A");
        }
        finally
        {
            await Store.DeleteRuleAsync(first, CancellationToken.None);
            await Store.DeleteRuleAsync(second, CancellationToken.None);
        }
    }

    [Fact]
    public async Task MoveRule_TopRuleUp_ChangesNothing()
    {
        var before = await Store.ListRulesAsync(CancellationToken.None);
        var top = before[0];
        using var client = await app.SignedInAsync("sourcing");
        var queued = Queued;

        using var response = await PostAsync(client, $"/Mapping?handler=MoveRule&id={top.Id}&dir=up", []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await Store.ListRulesAsync(CancellationToken.None);
        Assert.Equal(before.Select(r => (r.Id, r.Position)), after.Select(r => (r.Id, r.Position)));
        Assert.Equal(queued, Queued);
        Assert.Contains("Regeln står redan först.", await client.GetStringAsync("/Mapping"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MoveRule_TiedPositions_RenumbersSoTheMoveTakesEffect()
    {
        var first = await NewRuleAsync("Likaplats A", 8500);
        var second = await NewRuleAsync("Likaplats B", 8500);
        try
        {
            Assert.True(await Store.MoveRuleAsync(second, up: true, CancellationToken.None));

            var rules = await Store.ListRulesAsync(CancellationToken.None);
            var order = rules.Select(r => r.Id).ToList();
            Assert.True(order.IndexOf(second) < order.IndexOf(first));
            Assert.Equal(rules.Count, rules.Select(r => r.Position).Distinct().Count());
        }
        finally
        {
            await Store.DeleteRuleAsync(first, CancellationToken.None);
            await Store.DeleteRuleAsync(second, CancellationToken.None);
        }
    }

    [Fact]
    public async Task ClearHand_ListedAssignment_IsRemovedAndMappingQueued()
    {
        var system = await Store.EnsureWorkloadAsync("Handkopplat testsystem", "test", CancellationToken.None);
        await using var connection = await app.Database.DataSource.OpenConnectionAsync();
        var vm = await connection.ExecuteScalarAsync<long>("SELECT id FROM sourcing.resource WHERE name = 'web-117'");
        await Store.AssignByHandAsync([vm], system, "test", CancellationToken.None);
        try
        {
            using var client = await app.SignedInAsync("drift");
            Assert.Contains("href=\"/Mapping/Hand\"", await client.GetStringAsync("/Mapping"), StringComparison.Ordinal);
            var html = await client.GetStringAsync("/Mapping/Hand");
            Assert.Contains("id=\"hand-table\"", html, StringComparison.Ordinal);
            Assert.Matches($"action=\"/Mapping/Hand\\?[^\"]*resourceId={vm}[^\"]*\"", html);
            Assert.Contains("Ta bort handkopplingen av web-117 till Handkopplat testsystem", html, StringComparison.Ordinal);
            var queued = Queued;

            using var response = await PostAsync(client, $"/Mapping/Hand?handler=Clear&resourceId={vm}", []);

            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM sourcing.resource_assignment WHERE resource_id = @vm", new { vm }));
            Assert.Equal(queued + 1, Queued);
            var after = await client.GetStringAsync("/Mapping/Hand");
            Assert.Contains("Handkopplingen togs bort", after, StringComparison.Ordinal);
            Assert.DoesNotContain("web-117 till Handkopplat testsystem", after, StringComparison.Ordinal);
        }
        finally
        {
            await connection.ExecuteAsync("DELETE FROM sourcing.workload WHERE id = @system", new { system });
        }
    }

    [Fact]
    public async Task ClearHand_NoSuchAssignment_IsNotFoundWithMessage()
    {
        await using var connection = await app.Database.DataSource.OpenConnectionAsync();
        // web-118 belongs to no system; a resource assigned by a rule has no hand assignment either.
        var vm = await connection.ExecuteScalarAsync<long>("SELECT id FROM sourcing.resource WHERE name = 'web-118'");
        using var client = await app.SignedInAsync("drift");
        var queued = Queued;

        using var response = await PostAsync(client, $"/Mapping/Hand?handler=Clear&resourceId={vm}", []);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Servern har ingen handkoppling att ta bort.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(queued, Queued);
    }

    [Theory]
    [InlineData("/Mapping?handler=EditRule&id=1")]
    [InlineData("/Mapping?handler=MoveRule&id=1&dir=down")]
    [InlineData("/Mapping/Hand?handler=Clear&resourceId=1")]
    public async Task Post_Ledning_IsDenied(string path)
    {
        var handBefore = (await Store.ListHandAssignmentsAsync(1000, 0, CancellationToken.None)).Total;
        var rules = (await Store.ListRulesAsync(CancellationToken.None)).Select(r => (r.Id, r.Position, r.MatchRegex)).ToList();
        using var client = await app.SignedInAsync("ledning");
        // Ledning cannot open the page, so it takes the token from a page it can open (the overview).
        var token = await WebAppFixture.TokenAsync(client, "/");
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["matchRegex"] = "(" });

        using var response = await client.PostAsync(path, content);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(rules, (await Store.ListRulesAsync(CancellationToken.None)).Select(r => (r.Id, r.Position, r.MatchRegex)).ToList());
        Assert.Equal(handBefore, (await Store.ListHandAssignmentsAsync(1000, 0, CancellationToken.None)).Total);
    }

    private async Task<long> NewRuleAsync(string description, int position) =>
        await Store.SaveRuleAsync(new MappingRule
        {
            Kind = MappingRuleKind.NamePattern,
            Position = position,
            MatchRegex = "^(?<workload>redigera)-",
            DepartmentTag = "Förvaltning",
            Description = description,
        }, CancellationToken.None);

    private static Dictionary<string, string> EditFields(string regex, string description, bool enabled)
    {
        var fields = new Dictionary<string, string>
        {
            ["kind"] = "NamePattern",
            ["position"] = "7100",
            ["matchRegex"] = regex,
            ["description"] = description,
        };
        if (enabled)
        {
            fields["enabled"] = "true";
        }

        return fields;
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await WebAppFixture.TokenAsync(client, path.StartsWith("/Mapping/Hand", StringComparison.Ordinal) ? "/Mapping/Hand" : "/Mapping");
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(path, content);
    }
}
