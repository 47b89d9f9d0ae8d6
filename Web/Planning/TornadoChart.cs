using Microsoft.Extensions.Localization;
using Sourcing.Analyzer.Planning;

namespace Sourcing.Web.Planning;

/// <summary>
/// The tornado, centred on the base result: for each assumption one bar from the base to the
/// outcome at the source's low value and one to the outcome at its high value (two colours),
/// largest swing on top; assumptions that move nothing are left out. One builder for the
/// sensitivity page, the decision page and the board report.
/// </summary>
public static class TornadoChart
{
    public static string Cost(SensitivityResult result, IStringLocalizer text, int? top = null) =>
        Build(result, text, e => e.NetCostMkrLow, e => e.NetCostMkrHigh, e => e.NetCostSwingMkr, result.BaseNetCostMkr, "mkr", top);

    public static string Freed(SensitivityResult result, IStringLocalizer text, int? top = null) =>
        Build(result, text, e => e.FreedFteLow, e => e.FreedFteHigh, e => e.FreedFteSwing, result.BaseFreedFte, "FTE", top);

    private static string Build(SensitivityResult result, IStringLocalizer text, Func<SensitivityEntry, double> low, Func<SensitivityEntry, double> high,
        Func<SensitivityEntry, double> swing, double baseValue, string unit, int? top)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(text);
        // Rows whose bars would be invisible (under 1 % of the largest swing, or 0.05 mkr / 0.05 FTE) say nothing.
        var largest = result.Entries.Count == 0 ? 0 : result.Entries.Max(swing);
        var entries = result.Entries.Where(e => swing(e) >= Math.Max(0.05, 0.01 * largest)).OrderByDescending(swing).Take(top ?? int.MaxValue).ToList();
        var @base = Math.Round(baseValue, 2);
        return new ChartSpec("bar", [.. entries.Select(e => e.Label)],
        [
            new(text["Sensitivity.LowSeries"], [.. entries.Select(e => (object)new[] { @base, Math.Round(low(e), 2) })], Colour: 0),
            new(text["Sensitivity.HighSeries"], [.. entries.Select(e => (object)new[] { @base, Math.Round(high(e), 2) })], Colour: 5),
        ], Horizontal: true, Unit: unit, BaseLine: @base).ToJson();
    }
}
