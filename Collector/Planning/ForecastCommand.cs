using Microsoft.Extensions.DependencyInjection;
using Sourcing.Analyzer.Planning;
using Sourcing.Collector.Cli;

namespace Sourcing.Collector.Planning;

/// <summary>
/// `sourcing forecast NAME [--format json|csv] [--xlsx FILE]`: computes the stored scenario over
/// today's systems. Exit 1 when the plan has errors (the forecast is still printed, with them).
/// </summary>
internal sealed class ForecastCommand : ICliCommand
{
    public IReadOnlyList<string> Path => ["forecast"];

    public string Usage => "forecast NAME [--format json|csv] [--xlsx FILE]";

    public async Task<int> RunAsync(CliArgs args, IServiceProvider services, TextWriter output, CancellationToken cancellationToken)
    {
        var name = args.Argument(0, "NAME");
        var format = args.Option("format") ?? "json";
        var xlsx = args.Option("xlsx");
        args.EnsureNoUnknownOptions();
        if (format is not ("json" or "csv"))
        {
            throw new UsageException("--format måste vara json eller csv.");
        }

        var source = services.GetService<IPlanningSystemSource>();
        if (source is null)
        {
            await output.WriteLineAsync("Ingen källa för system är registrerad (IPlanningSystemSource).");
            return 2;
        }

        var store = PlanningServices.Store(services);
        var stored = await store.GetAsync(name, cancellationToken);
        if (stored is null)
        {
            await output.WriteLineAsync($"Scenariot \"{name}\" finns inte.");
            return 2;
        }

        var scenario = stored.Scenario;
        // A scenario without its own price list uses the newest stored one, so re-running it
        // after new prices are entered shows the new prices; the export names the list's date.
        var prices = scenario.CloudPrices ?? await store.GetPriceTableAsync(CloudPriceTable.Default.Region, null, cancellationToken);
        var systems = await source.LoadAsync(cancellationToken);
        var plan = PlanCompiler.Compile(scenario, systems, prices);
        var assumptions = PlanningAssumptions.ForScenario(scenario);
        var forecast = Forecaster.Run(plan, assumptions);

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
}
