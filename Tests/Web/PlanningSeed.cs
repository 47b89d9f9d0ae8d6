using Npgsql;
using Sourcing.Analyzer;
using Sourcing.Analyzer.Planning;
using Sourcing.Collector.Planning;

namespace Sourcing.Tests.Web;

/// <summary>Scenarios over <see cref="FakePlanningSystemSource"/>: a calm one on the board and one that frees more staff than the channels absorb.</summary>
internal static class PlanningSeed
{
    public const string Calm = "Utskrift till leverantör 2027";
    public const string Surplus = "Allt avvecklas på en gång";
    public const string Other = "Moln <i>2028</i>";

    public static async Task SeedAsync(NpgsqlDataSource dataSource)
    {
        var store = new ScenarioStore(dataSource, TimeProvider.System);
        await store.SaveAsync(new Scenario
        {
            Name = Calm,
            Owner = "Sam",
            StartYear = 2026,
            HorizonYears = 5,
            Rules = [new MoveRule { Name = "Utskrift", Filter = new SystemFilter { NameContains = ["utskrift"] }, Destination = Destination.SwedishManaged, Waves = [new Wave(2027), new Wave(2028)] }],
        }, CancellationToken.None);
        await store.SaveAsync(new Scenario
        {
            Name = Surplus,
            StartYear = 2026,
            HorizonYears = 4,
            // Nobody can be retrained and few leave: ten freed FTE have nowhere to go.
            Parameters = new Dictionary<string, double> { [ParameterKeys.RetrainableShare] = 0, [ParameterKeys.AttritionRate] = 2, [ParameterKeys.RetirementRate] = 1 },
            Rules = [new MoveRule { Name = "Avveckla utskrift", Filter = new SystemFilter { NameContains = ["utskrift"] }, Destination = Destination.Retire, Waves = [new Wave(2026)] }],
        }, CancellationToken.None);
        await store.SaveAsync(new Scenario
        {
            Name = Other,
            StartYear = 2026,
            HorizonYears = 5,
            Parameters = new Dictionary<string, double> { [ParameterKeys.CloudPriceFactor] = 80 },
            Rules = [new MoveRule { Name = "Moln", Filter = new SystemFilter { MaxConfidentiality = 1 }, Destination = Destination.PublicCloud, Waves = [new Wave(2028)] }],
        }, CancellationToken.None);
        await store.SetBoardOrderAsync([Calm], CancellationToken.None);
    }
}
