namespace Sourcing.Web.Api;

/// <summary>
/// A hand-written OpenAPI 3.0 description of <see cref="ScenarioApi"/>, served at /api/openapi.json
/// (small enough that a generator package is not worth its weight). Keep it in step with the routes.
/// </summary>
internal static class ScenarioApiDocument
{
    public const string Json = """
        {
          "openapi": "3.0.3",
          "info": { "title": "Sourcing – scenarier och prognoser", "version": "1" },
          "servers": [{ "url": "/" }],
          "components": {
            "securitySchemes": { "cookie": { "type": "apiKey", "in": "cookie", "name": "sourcing.auth" } },
            "schemas": {
              "ScenarioListItem": {
                "type": "object",
                "properties": {
                  "id": { "type": "integer", "format": "int64" },
                  "name": { "type": "string" },
                  "owner": { "type": "string" },
                  "description": { "type": "string" },
                  "updatedAt": { "type": "string", "format": "date-time" },
                  "boardPosition": { "type": ["integer", "null"], "description": "Place in the board's order (1 first); null when the board does not see the scenario." }
                }
              },
              "Scenario": { "type": "object", "description": "Scenario file, format sourcing-scenario/1 (see Collector/Planning/README.md).", "properties": { "format": { "type": "string" }, "name": { "type": "string" }, "startYear": { "type": "integer" }, "horizonYears": { "type": "integer" } } },
              "Forecast": {
                "type": "object",
                "properties": {
                  "scenarioName": { "type": "string" },
                  "startYear": { "type": "integer" },
                  "horizonYears": { "type": "integer" },
                  "driftFteToday": { "type": "number" },
                  "developmentFteToday": { "type": "number" },
                  "netCostMkr": { "type": "number", "description": "Cumulative difference to the baseline at the end of the horizon, million SEK; negative is a saving." },
                  "finalFreedFte": { "type": "number" },
                  "surplusFteYears": { "type": "number", "description": "Freed staff no channel absorbs, summed over the years; above zero is a warning." },
                  "years": { "type": "array", "items": { "type": "object", "description": "One year: FTE figures (year averages), flows, costs in SEK, difference and cumulative difference to the baseline." } },
                  "waves": { "type": "array", "items": { "type": "object" } },
                  "issues": { "type": "array", "items": { "type": "object", "properties": { "kind": { "type": "string" }, "message": { "type": "string" } } } }
                }
              }
            }
          },
          "security": [{ "cookie": [] }],
          "paths": {
            "/api/scenarios": {
              "get": { "summary": "Stored scenarios", "responses": { "200": { "description": "OK", "content": { "application/json": { "schema": { "type": "array", "items": { "$ref": "#/components/schemas/ScenarioListItem" } } } } }, "401": { "description": "Not signed in" }, "403": { "description": "Not Ledning or Sourcing" } } }
            },
            "/api/scenarios/{name}": {
              "get": { "summary": "One scenario as its file", "parameters": [{ "name": "name", "in": "path", "required": true, "schema": { "type": "string" } }], "responses": { "200": { "description": "OK", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Scenario" } } } }, "401": { "description": "Not signed in" }, "403": { "description": "Not Ledning or Sourcing" }, "404": { "description": "No such scenario" } } }
            },
            "/api/scenarios/{name}/forecast": {
              "get": { "summary": "The scenario's forecast per year", "parameters": [{ "name": "name", "in": "path", "required": true, "schema": { "type": "string" } }], "responses": { "200": { "description": "OK", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Forecast" } } } }, "401": { "description": "Not signed in" }, "403": { "description": "Not Ledning or Sourcing" }, "404": { "description": "No such scenario" } } }
            }
          }
        }
        """;
}
