using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Sourcing.Analyzer;
using Sourcing.Analyzer.Assessment;
using Sourcing.Analyzer.Workloads;
using Sourcing.Collector.Assessment;
using Sourcing.Collector.Cli;
using Sourcing.Tests.Analyzer.Assessment;
using Sourcing.Tests.Support;

namespace Sourcing.Tests.Collector.Assessment;

public sealed class AssessmentJobsAndCommandsTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);

    private static readonly Workload[] Workloads =
    [
        TestWorkloads.Complete(1, k: 4),
        TestWorkloads.Complete(2, k: 1) with { PersonalData = PersonalDataCategory.PatientHealth },
        TestWorkloads.Complete(3) with { Confidentiality = null },
        TestWorkloads.Complete(4, k: 2) with { Resources = TestWorkloads.Vms(4, 60) },
    ];

    private ServiceProvider Services(IReadOnlyList<Workload>? workloads = null) => CliRunner.Services(database, services => services
        .AddSingleton<TimeProvider>(new FixedTimeProvider(Now))
        .AddSingleton<IWorkloadSource>(new FakeWorkloadSource(workloads ?? Workloads)));

    private static async Task<(int Code, string Output)> RunAsync(CliCommandSpec command, IServiceProvider services, params string[] args)
    {
        var (code, output, _) = await CliRunner.RunAsync(services, [.. command.Path, .. args]);
        return (code, output);
    }

    [Fact]
    public async Task Analyze_JsonFormat_PrintsGateScoresRecommendationConfidenceAndHours()
    {
        await using var services = Services();
        await new AssessmentStore(database.DataSource).SaveEffortParametersAsync(EffortParameters.Default with { StatedDriftFte = 2 }, "test", CancellationToken.None);

        var (code, text) = await RunAsync(AnalyzeCommand.Spec, services, "--format", "json");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(text);
        var root = json.RootElement;
        Assert.Equal(2 * 1600, root.GetProperty("calibration").GetProperty("calibratedHours").GetDouble(), 6);
        var systems = root.GetProperty("workloads").EnumerateArray().ToList();
        Assert.Equal(4, systems.Count);
        var k4 = systems[0];
        var cloud = k4.GetProperty("gate").EnumerateArray().Single(g => g.GetProperty("destination").GetString() == "PublicCloud");
        Assert.Equal("Blocked", cloud.GetProperty("verdict").GetString());
        Assert.Equal("K4", cloud.GetProperty("rule").GetString());
        Assert.Equal("InHouse", k4.GetProperty("recommendation").GetProperty("destination").GetString());
        Assert.True(k4.GetProperty("scores").EnumerateArray().First().GetProperty("factors").GetArrayLength() > 0);
        Assert.InRange(k4.GetProperty("confidence").GetDouble(), 0.01, 1);
        Assert.True(k4.GetProperty("driftHours").GetDouble() > 0);
        var unknown = systems[2];
        Assert.Equal("InsufficientData", unknown.GetProperty("recommendation").GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, unknown.GetProperty("recommendation").GetProperty("destination").ValueKind);
        Assert.Contains(FieldNames.Confidentiality, unknown.GetProperty("missingFields").EnumerateArray().Select(e => e.GetString()));

        var stored = await new AssessmentStore(database.DataSource).GetAssessmentsAsync(CancellationToken.None);
        Assert.Equal(4, stored.Count);
        Assert.Equal(2 * 1600, stored.Sum(s => s.DriftHours), 6);
    }

    [Fact]
    public async Task Analyze_TextFormat_ListsEverySystem()
    {
        await using var services = Services();

        var (code, text) = await RunAsync(AnalyzeCommand.Spec, services);

        Assert.Equal(0, code);
        Assert.Contains("4 systems", text, StringComparison.Ordinal);
        Assert.Contains("underlag saknas", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analyze_BadFormat_IsUsageError()
    {
        await using var services = Services();

        Assert.Equal(CliDispatcher.ExitUsage, (await RunAsync(AnalyzeCommand.Spec, services, "--format", "xml")).Code);
    }

    [Fact]
    public async Task Decide_RecordsDecisionWithRecommendation()
    {
        await using var services = Services();

        var (code, text) = await RunAsync(DecideCommand.Spec, services, "2", "--destination", "swedishmanaged", "--reason", "Patientdata, svensk leverantör", "--by", "anna");
        var (blockedCode, blockedText) = await RunAsync(DecideCommand.Spec, services, "1", "--destination", "Saas", "--reason", "Jurister har beslutat undantag", "--by", "anna");

        Assert.Equal(0, code);
        Assert.Equal(0, blockedCode);
        Assert.Contains("Warning", blockedText, StringComparison.Ordinal);
        var decisions = await new AssessmentStore(database.DataSource).GetDecisionsAsync(latestPerWorkload: false, CancellationToken.None);
        var decision = decisions.Single(d => d.WorkloadId == 2);
        Assert.Equal(Destination.SwedishManaged, decision.Destination);
        Assert.Equal("anna", decision.DecidedBy);
        Assert.Equal(Now, decision.DecidedAt);
        Assert.NotNull(decision.RecommendedDestination);
        Assert.Contains("rules recommend", text, StringComparison.Ordinal);
        Assert.Equal(CliDispatcher.ExitUsage, (await RunAsync(DecideCommand.Spec, services, "2", "--destination", "Mars", "--reason", "x")).Code);
        Assert.Equal(2, (await RunAsync(DecideCommand.Spec, services, "999", "--destination", "Saas", "--reason", "x")).Code);
    }

    [Fact]
    public async Task AnalyzeJob_RunTwice_SameResults()
    {
        var job = new AnalyzeJob(new FakeWorkloadSource(Workloads), new AssessmentStore(database.DataSource), new FixedTimeProvider(Now), NullLogger<AnalyzeJob>.Instance);

        var first = await job.RunAsync(CancellationToken.None);
        var stored1 = await new AssessmentStore(database.DataSource).GetAssessmentsAsync(CancellationToken.None);
        await job.RunAsync(CancellationToken.None);
        var stored2 = await new AssessmentStore(database.DataSource).GetAssessmentsAsync(CancellationToken.None);

        Assert.Equal(Workloads.Length, first.Workloads.Count);
        Assert.Equal(stored1, stored2);
    }
}
