namespace Sourcing.Web.Planning;

/// <summary>
/// One data set of a chart; values are numbers, or [low, high] pairs for the tornado's floating bars.
/// <paramref name="Colour"/> picks the palette entry (series of one scenario share it); <paramref name="Dashed"/> tells a second measure of the same scenario apart.
/// </summary>
public sealed record ChartSeries(string Label, IReadOnlyList<object> Data, bool Fill = false, int? Colour = null, bool Dashed = false);
