namespace Sourcing.Analyzer.Assessment;

/// <summary>
/// Whether a gate rule restates the law or is the region's own choice. The difference matters to
/// the reader: a law rule can only change when the law does; a policy rule is the region's
/// decision (who decided it and when is recorded) and its lawyers may change it.
/// </summary>
public enum RuleBasis
{
    /// <summary>The region's own choice (the default for a rule nobody has labelled: it is not shown to be law).</summary>
    Policy,
    /// <summary>Follows from a statute; the rule names the paragraph.</summary>
    Law,
}
