using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sourcing.Analyzer.Assessment;

/// <summary>
/// The one JSON shape for rule sets, weights, parameters and results: camelCase, enums as
/// names (so a region's lawyer can read and edit "Blocked" rather than 4), Swedish text unescaped.
/// </summary>
public static class AssessmentJson
{
    public static JsonSerializerOptions Options { get; } = Create(indented: false);

    public static JsonSerializerOptions Indented { get; } = Create(indented: true);

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = indented,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        };
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
