namespace Sourcing.Analyzer.Planning;

/// <summary>The tornado for one scenario; entries sorted by swing in net cost, then in freed FTE.</summary>
public sealed record SensitivityResult(
    string ScenarioName,
    double Variation,
    double BaseFreedFte,
    double BaseNetCostMkr,
    IReadOnlyList<SensitivityEntry> Entries);
