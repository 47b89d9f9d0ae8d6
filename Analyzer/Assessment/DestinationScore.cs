namespace Sourcing.Analyzer.Assessment;

/// <summary>
/// The suitability score (0–100) of one destination the gate did not block, with its factors.
/// A score from <see cref="SuitabilityScorer"/> lists its <see cref="Factors"/> the first time
/// they are read (from the system's <see cref="ScoreBasis"/>); the list is the same as if it had
/// been built up front. Equality, copies (<c>with</c>) and JSON behave as for a plain record.
/// </summary>
public sealed record DestinationScore(
    Destination Destination,
    GateVerdict Verdict,
    double Score,
    IReadOnlyList<FactorContribution> Factors)
{
    private readonly ScoreBasis? _basis;
    private readonly DestinationGate? _gate;
    private IReadOnlyList<FactorContribution>? _factors = Factors;

    internal DestinationScore(DestinationGate gate, double score, ScoreBasis basis)
        : this(gate.Destination, gate.Verdict, score, null!)
    {
        _basis = basis;
        _gate = gate;
    }

    // A copy gets the factors themselves, so it equals the original as a plain record's copy does.
    private DestinationScore(DestinationScore original)
    {
        Destination = original.Destination;
        Verdict = original.Verdict;
        Score = original.Score;
        _factors = original.Factors;
    }

    public IReadOnlyList<FactorContribution> Factors
    {
        // Two threads reading at once may both build the list; they build equal lists and either is kept.
        get => _factors ??= _basis!.Factors(_gate!);
        init => _factors = value;
    }

    public bool Equals(DestinationScore? other) =>
        ReferenceEquals(this, other)
        || (other is not null
            && Destination == other.Destination
            && Verdict == other.Verdict
            && Score.Equals(other.Score)
            && EqualityComparer<IReadOnlyList<FactorContribution>>.Default.Equals(Factors, other.Factors));

    public override int GetHashCode() => HashCode.Combine(Destination, Verdict, Score, Factors);
}
