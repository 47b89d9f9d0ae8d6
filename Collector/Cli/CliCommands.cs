using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Sourcing.Collector.Assessment;
using Sourcing.Collector.Auth;
using Sourcing.Collector.Azure;
using Sourcing.Collector.Imports;
using Sourcing.Collector.Planning;
using Sourcing.Collector.Workloads;

namespace Sourcing.Collector.Cli;

/// <summary>Every `sourcing` command: the one list the parser, the help and the DI registration read. A new command adds its Spec here.</summary>
public static class CliCommands
{
    public static IReadOnlyList<CliCommandSpec> All { get; } =
    [
        AnalyzeCommand.Spec,
        CostsListCommand.Spec,
        CostsSetCommand.Spec,
        DbMigrateCommand.Spec,
        DecideCommand.Spec,
        DecisionsImportCommand.Spec,
        EstateExportCommand.Spec,
        ForecastCommand.Spec,
        ImportRvToolsCommand.Spec,
        ImportSystemsCommand.Spec,
        InventoryCommand.Spec,
        MapCommand.Spec,
        ScanCommand.Spec,
        ScenarioDemoCommand.Spec,
        ScenarioExportCommand.Spec,
        ScenarioImportCommand.Spec,
        ScenarioListCommand.Spec,
        SourceAddVSphereCommand.Spec,
        AzureSourceAddCommand.Spec,
        SourceListCommand.Spec,
        TrainCommand.Spec,
        UserAddCommand.Spec,
        UserDemoAccountsCommand.Spec,
    ];

    /// <summary>The Swedish description of a word that only groups commands (`sourcing source …`).</summary>
    public static string GroupDescription(string word) => word switch
    {
        "costs" => "Regionens angivna driftkostnader.",
        "db" => "Databasen.",
        "decisions" => "Beslut om placering.",
        "estate" => "Beståndet som prognosen läser.",
        "import" => "Läser filer: objektregister och RVTools-exporter.",
        "scenario" => "Scenarier för prognosen.",
        "source" => "Källor för inventeringen (vCenter, Azure).",
        "user" => "Lokala webbkonton.",
        "add" => "Registrerar en källa.",
        _ => "",
    };

    /// <summary>Registers every command and what only the commands need, so the CLI's container validates them on build.</summary>
    public static IServiceCollection AddSourcingCli(this IServiceCollection services)
    {
        services.TryAddSingleton<UserStore>();
        services.TryAddTransient<AzureSourceRegistration>();
        foreach (var spec in All)
        {
            services.TryAddTransient(spec.CommandType);
        }

        return services;
    }
}
