using System.Globalization;
using Microsoft.Extensions.Localization;
using Sourcing.Analyzer.Planning;

namespace Sourcing.Web.Planning;

/// <summary>The forecast's two charts, for the forecast page and the board report's per-year page.</summary>
public static class ForecastCharts
{
    /// <summary>Drift, development and retained FTE per year as stacked areas.</summary>
    public static string Fte(Forecast forecast, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(forecast);
        ArgumentNullException.ThrowIfNull(text);
        var years = forecast.Years;
        return new ChartSpec("line", [.. years.Select(y => y.Year.ToString(CultureInfo.InvariantCulture))],
        [
            new(text["Forecast.DriftFte"], [.. years.Select(y => (object)Math.Round(y.DriftFte, 2))], Fill: true),
            new(text["Forecast.UtvecklingFte"], [.. years.Select(y => (object)Math.Round(y.UtvecklingFte, 2))], Fill: true),
            new(text["Forecast.BestallarFte"], [.. years.Select(y => (object)Math.Round(y.BestallarFte, 2))], Fill: true),
        ], Stacked: true, Unit: "FTE").ToJson();
    }

    /// <summary>The like-for-like difference per year and its running total, in mkr.</summary>
    public static string Cost(Forecast forecast, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(forecast);
        ArgumentNullException.ThrowIfNull(text);
        var years = forecast.Years;
        return new ChartSpec("line", [.. years.Select(y => y.Year.ToString(CultureInfo.InvariantCulture))],
        [
            new(text["Forecast.Cumulative"], [.. years.Select(y => (object)Math.Round(y.CumulativeDifferenceMkr, 2))]),
            new(text["Forecast.LikeForLikeDifference"], [.. years.Select(y => (object)Math.Round(y.LikeForLikeDifferenceMkr, 2))]),
        ], Unit: "mkr").ToJson();
    }
}
