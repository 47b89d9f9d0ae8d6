using Dapper;
using Npgsql;
using Sourcing.Analyzer;
using Sourcing.Analyzer.Planning;
using Sourcing.Analyzer.Workloads;
using Sourcing.Analyzer.Workloads.Mapping;
using Sourcing.Collector.Assessment;
using Sourcing.Collector.Planning;
using Sourcing.Collector.Workloads;

namespace Sourcing.Web.Overview;

/// <summary>
/// The portfolio cards of the overview: mapping and classification coverage, systems on
/// unsupported OS, systems per recommended destination, and the chosen scenario's headline.
/// </summary>
public sealed class PortfolioOverview(
    NpgsqlDataSource dataSource, WorkloadStore workloads, AssessmentStore assessments, ScenarioStore scenarios,
    IEstateSource estateSource)
{
    public async Task<PortfolioSummary> SummaryAsync(CancellationToken cancellationToken)
    {
        var coverage = await workloads.CoverageAsync(cancellationToken);
        // Counts per system from the database; no server rows are needed for them.
        var all = await workloads.LoadListAsync(cancellationToken);
        var unsupported = all.Count(w => w.WorstSupport == SupportStatus.Unsupported);
        var unsupportedVms = all.Sum(w => w.UnsupportedVms);
        var stored = await assessments.GetAssessmentsAsync(cancellationToken);
        var byDestination = stored
            .GroupBy(a => a.Recommendation is { } r && Enum.TryParse<Destination>(r, out var d) ? d : (Destination?)null)
            .Select(g => new PortfolioSlice(g.Key, g.Count()))
            .OrderBy(s => s.Destination is null ? int.MaxValue : (int)s.Destination)
            .ToList();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var classified = await connection.QuerySingleAsync<int>(
            new CommandDefinition("SELECT count(*) FROM sourcing.workload WHERE confidentiality IS NOT NULL", cancellationToken: cancellationToken));
        return new PortfolioSummary(coverage, all.Count, classified, unsupported, unsupportedVms, byDestination,
            await HeadlineAsync(cancellationToken));
    }

    /// <summary>The board's first scenario's headline, as its forecast page computes it (a forecast over the whole estate).</summary>
    private async Task<ScenarioHeadline?> HeadlineAsync(CancellationToken cancellationToken)
    {
        var list = await scenarios.ListAsync(cancellationToken);
        // The board's first scenario (the list puts the board's first), else the first by name.
        var chosen = list.Count > 0 ? list[0] : null;
        if (chosen is null)
        {
            return null;
        }

        var stored = await scenarios.GetAsync(chosen.Name, cancellationToken);
        if (stored is null)
        {
            return null;
        }

        var scenario = stored.Scenario;
        var prices = scenario.CloudPrices ?? await scenarios.GetPriceTableAsync(CloudPriceTable.Default.Region, null, cancellationToken);
        var plan = PlanCompiler.Compile(scenario, await estateSource.LoadAsync(cancellationToken), prices);
        var forecast = Forecaster.Run(plan, PlanningAssumptions.ForScenario(scenario), withBreakEven: false);
        var years = forecast.Years.Select(y => new HeadlineYear(y.Year, y.DriftFte, y.UtvecklingFte, y.SurplusFte)).ToList();
        return new ScenarioHeadline(chosen.Name, chosen.BoardPosition is not null, years, forecast.Years.Count == 0 ? 0 : forecast.Years[^1].CumulativeDifference);
    }
}

public sealed record PortfolioSummary(
    MappingCoverage Coverage,
    int Systems,
    int ClassifiedSystems,
    int SystemsOnUnsupportedOs,
    int VmsOnUnsupportedOs,
    IReadOnlyList<PortfolioSlice> ByRecommendation,
    ScenarioHeadline? Scenario);

/// <summary>Systems recommended for one destination; Destination null = "underlag saknas".</summary>
public sealed record PortfolioSlice(Destination? Destination, int Systems);

public sealed record ScenarioHeadline(string Name, bool Chosen, IReadOnlyList<HeadlineYear> Years, double CumulativeDifferenceSek);

public sealed record HeadlineYear(int Year, double DriftFte, double UtvecklingFte, double SurplusFte);
