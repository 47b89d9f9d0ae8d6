using System.Text.Json;

namespace Sourcing.Web.Planning;

/// <summary>
/// Chart data for wwwroot/js/planning-charts.js, serialized into a data-* attribute (Razor encodes
/// it; the script parses it; no inline script under the CSP). BaseLine is where a tornado's base
/// result lies on the value axis: a line is drawn there and the axis is not forced to start at 0.
/// </summary>
public sealed record ChartSpec(string Type, IReadOnlyList<string> Labels, IReadOnlyList<ChartSeries> Series, bool Stacked = false, bool Horizontal = false, string? Unit = null, double? BaseLine = null)
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public string ToJson() => JsonSerializer.Serialize(this, Options);
}
