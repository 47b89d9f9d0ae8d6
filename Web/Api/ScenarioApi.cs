using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Sourcing.Collector.Planning;
using Sourcing.Web.Security;

namespace Sourcing.Web.Api;

/// <summary>
/// Read-only JSON of the stored scenarios and their forecasts, for leadership's own tools.
/// Described in the generated OpenAPI document at /api/openapi.json (<see cref="ApiDocument"/>).
/// </summary>
public static class ScenarioApi
{
    public static IEndpointRouteBuilder MapScenarioApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/scenarios").RequireAuthorization(Policies.Ledning);
        group.MapGet("/", ListAsync)
            .WithSummary("Sparade scenarier")
            .WithDescription("Namn, ägare, beskrivning, senast ändrat och om scenariot är valt för ledningen.");
        group.MapGet("/{name}", GetAsync)
            .WithSummary("Ett scenario som fil")
            .WithDescription("Scenariofilen i formatet sourcing-scenario/1, samma som exporten (se Collector/Planning/README.md).")
            .Produces<JsonObject>(StatusCodes.Status200OK, "application/json");
        group.MapGet("/{name}/forecast", ForecastAsync)
            .WithSummary("Scenariots prognos per år")
            .WithDescription("Samma JSON som `sourcing forecast NAME`, med netCostMkr (kumulativ skillnad mot nuläget i mkr; negativt är en besparing), finalFreedFte och surplusFteYears.")
            .Produces<JsonObject>(StatusCodes.Status200OK, "application/json");
        return routes;
    }

    internal static async Task<Ok<List<ScenarioListItem>>> ListAsync(ScenarioStore store, CancellationToken cancellationToken)
    {
        var list = await store.ListAsync(cancellationToken);
        return TypedResults.Ok(list.Select(s => new ScenarioListItem(s.Id, s.Name, s.Owner, s.Description, s.UpdatedAt, s.BoardPosition)).ToList());
    }

    /// <summary>The scenario in its file format (sourcing-scenario/1), the same as the export.</summary>
    internal static async Task<Results<ContentHttpResult, NotFound>> GetAsync(string name, ScenarioStore store, CancellationToken cancellationToken)
    {
        var stored = await store.GetAsync(name, cancellationToken);
        return stored is null ? TypedResults.NotFound() : TypedResults.Text(ScenarioJson.Serialize(stored.Scenario), "application/json");
    }

    internal static async Task<Results<ContentHttpResult, NotFound>> ForecastAsync(string name, PlanningService planning, CancellationToken cancellationToken)
    {
        var stored = await planning.Store.GetAsync(name, cancellationToken);
        if (stored is null)
        {
            return TypedResults.NotFound();
        }

        var result = await planning.RunAsync(stored.Scenario, cancellationToken);
        // The CLI's JSON (ForecastOutput), so that files and the API agree.
        var json = JsonNode.Parse(ForecastOutput.ToJson(result.Forecast))!.AsObject();
        json["netCostMkr"] = result.Forecast.NominalDifferenceMkr;
        json["finalFreedFte"] = result.Forecast.FinalFreedFte;
        json["surplusFteYears"] = result.Forecast.SurplusFteYears;
        return TypedResults.Text(json.ToJsonString(ScenarioJson.Options), "application/json");
    }

    public sealed record ScenarioListItem(long Id, string Name, string Owner, string Description, DateTimeOffset UpdatedAt, int? BoardPosition);
}
