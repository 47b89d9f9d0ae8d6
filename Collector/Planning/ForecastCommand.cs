using Sourcing.Analyzer.Planning;
using Sourcing.Collector.Cli;

namespace Sourcing.Collector.Planning;

/// <summary>
/// `sourcing forecast NAME [--format json|csv] [--xlsx FILE]`: computes the stored scenario over
/// today's estate. `sourcing forecast --scenario FILE --estate FILE`: the same from two files and
/// no database, so a controller or an auditor can reproduce a board figure. Exit 1 when the plan
/// has errors (the forecast is still printed, with them); 65 for a bad file, naming the field.
/// </summary>
internal sealed class ForecastCommand(PlanningService planning) : ICliCommand
{
    public static CliCommandSpec Spec { get; } = CliCommandSpec.Of<ForecastCommand>(
        ["forecast"],
        "Beräknar prognosen för ett sparat scenario, eller från en scenariofil och en beståndsfil.",
        CliParameter.Argument("NAME", "Det sparade scenariots namn (utelämnas med --scenario och --estate).", required: false),
        CliParameter.Value("scenario", "FILE", "Scenariofil (med --estate)."),
        CliParameter.Value("estate", "FILE", "Beståndsfil från sourcing estate export (med --scenario)."),
        CliParameter.Value("format", "json|csv", "Utdataformat (standard json)."),
        CliParameter.Value("xlsx", "FILE", "Skriv också arbetsboken till en fil."));

    public async Task<int> RunAsync(CliArgs args, TextWriter output, CancellationToken cancellationToken)
    {
        var scenarioFile = args.Option("scenario");
        var estateFile = args.Option("estate");
        var name = scenarioFile is null ? args.Argument(0, "NAME") : null;
        var format = args.Option("format") ?? "json";
        var xlsx = args.Option("xlsx");
        if (format is not ("json" or "csv"))
        {
            throw new UsageException("--format måste vara json eller csv.");
        }

        if ((scenarioFile is null) != (estateFile is null))
        {
            throw new UsageException("--scenario och --estate anges tillsammans.");
        }

        Scenario scenario;
        Estate estate;
        CloudPriceTable? prices = null;
        if (scenarioFile is not null && estateFile is not null)
        {
            try
            {
                scenario = ScenarioJson.Deserialize(await ReadAsync(scenarioFile, cancellationToken));
                estate = EstateJson.Deserialize(await ReadAsync(estateFile, cancellationToken));
            }
            catch (ScenarioFormatException e)
            {
                await output.WriteLineAsync(e.Message);
                return 65;
            }
        }
        else
        {
            var stored = await planning.Store.GetAsync(name!, cancellationToken);
            if (stored is null)
            {
                await output.WriteLineAsync($"Scenariot \"{name}\" finns inte.");
                return 2;
            }

            // Stored scenarios are exported with the price list they were computed with, so the
            // file pair gives the same figures.
            scenario = stored.Scenario;
            prices = await planning.PricesAsync(scenario, cancellationToken);
            estate = await planning.EstateAsync(cancellationToken);
        }

        // The same compile and forecast as the pages and the JSON API.
        var (_, plan, assumptions, forecast) = PlanningService.Run(scenario, estate, prices);

        if (format == "csv")
        {
            ForecastOutput.WriteCsv(forecast, output);
        }
        else
        {
            await output.WriteLineAsync(ForecastOutput.ToJson(forecast));
        }

        if (xlsx is not null)
        {
            await using var stream = File.Create(xlsx);
            ForecastWorkbook.Write(stream, plan, forecast, assumptions);
        }

        return plan.HasErrors ? 1 : 0;
    }

    private static async Task<string> ReadAsync(string file, CancellationToken cancellationToken) =>
        File.Exists(file)
            ? await File.ReadAllTextAsync(file, cancellationToken)
            : throw new ScenarioFormatException($"Filen {file} finns inte.");
}
