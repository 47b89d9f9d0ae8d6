namespace Sourcing.Analyzer.Planning;

/// <summary>The values at which a scenario is budget-neutral over its horizon (nominal like-for-like difference 0); null where it moves nothing there.</summary>
public sealed record BreakEven(double? ManagedPricePerServerMonth, double? CloudPriceFactor);
