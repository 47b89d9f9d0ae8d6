using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Sourcing.Analyzer.Planning;

namespace Sourcing.Collector.Planning;

/// <summary>
/// The scenario file format (import, export, and the definition column). camelCase names, enums
/// as their names, a "format" field first so that a later version can be told apart. The shape
/// with an example is in Collector/Planning/README.md.
/// </summary>
public static class ScenarioJson
{
    public const string Format = "sourcing-scenario/1";

    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize(Scenario scenario)
    {
        var body = JsonSerializer.SerializeToNode(scenario, Options)!.AsObject();
        var document = new JsonObject { ["format"] = Format };
        foreach (var (key, value) in body.ToList())
        {
            body.Remove(key);
            document[key] = value;
        }

        return document.ToJsonString(Options);
    }

    public static Scenario Deserialize(string json)
    {
        JsonObject document;
        try
        {
            document = JsonNode.Parse(json)?.AsObject() ?? throw new ScenarioFormatException("Filen är tom.");
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            throw new ScenarioFormatException("Filen är inte giltig JSON: " + e.Message, e);
        }

        var format = document["format"]?.GetValue<string>();
        if (format != Format)
        {
            throw new ScenarioFormatException($"Okänt format \"{format}\"; väntade \"{Format}\".");
        }

        document.Remove("format");
        Scenario scenario;
        try
        {
            scenario = document.Deserialize<Scenario>(Options) ?? throw new ScenarioFormatException("Scenariot saknas.");
        }
        catch (JsonException e)
        {
            throw new ScenarioFormatException("Scenariot kan inte läsas: " + e.Message, e);
        }

        if (string.IsNullOrWhiteSpace(scenario.Name))
        {
            throw new ScenarioFormatException("Scenariot saknar namn.");
        }

        if (scenario.HorizonYears is < Scenario.MinHorizon or > Scenario.MaxHorizon)
        {
            throw new ScenarioFormatException($"Horisonten måste vara {Scenario.MinHorizon}–{Scenario.MaxHorizon} år.");
        }

        var unknown = scenario.Parameters.Keys.Where(k => !PlanningDefaults.IsKnown(k)).Order(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            throw new ScenarioFormatException("Okända parametrar: " + string.Join(", ", unknown));
        }

        if (ScenarioChecks.FirstProblem(scenario) is { } problem)
        {
            throw new ScenarioFormatException(problem);
        }

        return scenario;
    }
}
