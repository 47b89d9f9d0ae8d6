namespace Sourcing.Analyzer.Planning;

/// <summary>A scenario with its compiled plan, effective assumptions and forecast.</summary>
public sealed record ScenarioResult(Scenario Scenario, CompiledPlan Plan, PlanningAssumptions Assumptions, Forecast Forecast);
