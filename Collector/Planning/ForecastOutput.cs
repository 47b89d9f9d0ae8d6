using System.Globalization;
using System.Text.Json;
using Sourcing.Analyzer.Planning;

namespace Sourcing.Collector.Planning;

/// <summary>The forecast as JSON (everything) or CSV (one row per year, invariant numbers).</summary>
public static class ForecastOutput
{
    public static string ToJson(Forecast forecast) => JsonSerializer.Serialize(forecast, ScenarioJson.Options);

    public static void WriteCsv(Forecast forecast, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(forecast);
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine(string.Join(',', ForecastColumns.All.Select(c => c.Key)));
        foreach (var y in forecast.Years)
        {
            writer.WriteLine(string.Join(',', ForecastColumns.All.Select(c => c.Value(y).ToString(
                c.Kind switch { ForecastColumnKind.Money => "0", ForecastColumnKind.Count => "0", _ => "0.###" }, CultureInfo.InvariantCulture))));
        }
    }
}
