namespace Sourcing.Analyzer.Assessment;

/// <summary>
/// Receives a destination's score factors in order from <see cref="ScoreBasis"/>. Implemented by
/// structs, so the one walk over the factors both sums a score (every system) and lists the
/// factors (only when someone reads them) without a delegate or a list per system.
/// </summary>
internal interface IFactorSink
{
    void Add(in FactorContribution factor);
}
