using Microsoft.Extensions.DependencyInjection;

namespace Sourcing.Collector.Planning;

/// <summary>How the planning commands get their store: from DI if registered, else built from its services.</summary>
internal static class PlanningServices
{
    public static ScenarioStore Store(IServiceProvider services) =>
        services.GetService<ScenarioStore>() ?? ActivatorUtilities.CreateInstance<ScenarioStore>(services);
}
