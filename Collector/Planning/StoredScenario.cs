using Sourcing.Analyzer.Planning;

namespace Sourcing.Collector.Planning;

public sealed record StoredScenario(ScenarioSummary Summary, Scenario Scenario);
