using Sourcing.Analyzer.Lifecycle;

namespace Sourcing.Analyzer.Planning;

/// <summary>Three scenarios for the demo and the board-material example.</summary>
public static class DemoScenarios
{
    private static readonly Destination[] LeaveHome = [Destination.SwedishManaged, Destination.PublicCloud, Destination.Saas, Destination.Retire];

    public static IReadOnlyList<Scenario> Create(int startYear = 2026) =>
    [
        new Scenario
        {
            Name = "Drift av Windows fil- och utskriftsservrar till svensk leverantör 2027",
            Owner = "Sourcingansvarig",
            Description = "Ett avgränsat första steg: fil- och utskriftsservrarna på Windows lämnas till en svensk driftleverantör 2027. En fjärdedel av den berörda driftpersonalen antas följa med vid verksamhetsövergång.",
            StartYear = startYear,
            HorizonYears = 5,
            Parameters = new Dictionary<string, double> { [ParameterKeys.TransferShare] = 25 },
            Rules =
            [
                new MoveRule
                {
                    Name = "Windows fil- och utskriftsservrar",
                    Filter = new SystemFilter { OsFamilies = [OsFamily.Windows], NameContains = ["fil", "print", "utskrift"] },
                    Destination = Destination.SwedishManaged,
                    Waves = [new Wave(2027)],
                },
            ],
        },
        new Scenario
        {
            Name = "K0–K1 till Azure, resten i egen regi",
            Owner = "IT-strateg",
            Description = "System med information klassad högst K1 flyttas till publikt moln i tre vågor; allt annat stannar i egen regi. Reservationer antas ge 20 % lägre molnpris.",
            StartYear = startYear,
            HorizonYears = 6,
            Parameters = new Dictionary<string, double> { [ParameterKeys.CloudPriceFactor] = 80 },
            Rules =
            [
                new MoveRule
                {
                    Name = "K0–K1 till publikt moln",
                    Filter = new SystemFilter { MaxConfidentiality = 1 },
                    Destination = Destination.PublicCloud,
                    Waves = [new Wave(2027, 1), new Wave(2027, 3), new Wave(2028, 1)],
                },
            ],
        },
        new Scenario
        {
            Name = "Allt som rekommenderas lämnas ut i vågor 2027–2029",
            Owner = "IT-direktör",
            Description = "Varje system går dit analysen rekommenderar, i tre årliga vågor. System där grinden spärrar rekommendationen hoppas över och listas.",
            StartYear = startYear,
            HorizonYears = 6,
            Rules =
            [
                new MoveRule
                {
                    Name = "Rekommenderade flyttar",
                    Filter = new SystemFilter { RecommendedIn = LeaveHome },
                    Waves = [new Wave(2027), new Wave(2028), new Wave(2029)],
                },
            ],
        },
    ];
}
