using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Sourcing.Collector.Planning;
using Sourcing.Web.Planning;
using Sourcing.Web.Security;

namespace Sourcing.Web.Api;

/// <summary>
/// Read-only JSON of the stored scenarios and their forecasts, for leadership's own tools.
/// Documented by the hand-written OpenAPI document at /api/openapi.json (ScenarioApiDocument).
/// </summary>
public static class ScenarioApi
{
    public static IEndpointRouteBuilder MapScenarioApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/scenarios").RequireAuthorization(Policies.Ledning);
        group.MapGet("/", ListAsync);
        group.MapGet("/{name}", GetAsync);
        group.MapGet("/{name}/forecast", ForecastAsync);
        routes.MapGet("/api/openapi.json", () => TypedResults.Text(ScenarioApiDocument.Json, "application/json"))
            .RequireAuthorization(Policies.Ledning);
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
