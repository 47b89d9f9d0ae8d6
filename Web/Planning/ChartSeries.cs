namespace Sourcing.Web.Planning;

/// <summary>One data set of a chart; values are numbers, or [low, high] pairs for the tornado's floating bars.</summary>
public sealed record ChartSeries(string Label, IReadOnlyList<object> Data, bool Fill = false);
