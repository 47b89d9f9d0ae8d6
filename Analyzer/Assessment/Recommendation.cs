namespace Sourcing.Analyzer.Assessment;

/// <summary>
/// The rules' recommendation for one system. <see cref="Destination"/> is null unless the status
/// is Recommended: a system without classification is never given a destination silently.
/// <see cref="ProvisionalDestination"/> is what the scores would pick under the gate's safe
/// assumptions (shown as "preliminärt", and used as the rule baseline when learning).
/// <see cref="MissingFields"/> lists what to fill in (Swedish field names).
/// A recommendation from <see cref="Recommender"/> writes its <see cref="Reason"/> when it is read
/// (a few microseconds; keep the text if you need it often): the text is the same, but an
/// assessment of 100,000 systems no longer writes 100,000 texts up front. Equality, copies and
/// JSON behave as for a plain record.
/// </summary>
public sealed record Recommendation(
    RecommendationStatus Status,
    Destination? Destination,
    Destination? ProvisionalDestination,
    string Reason,
    double Confidence,
    IReadOnlyList<string> MissingFields)
{
    // What the reason is written from (see Recommender.Reason), unless it was given.
    private readonly GateResult? _gate;
    private readonly DestinationScore? _best;
    private readonly DestinationScore? _second;
    private readonly string? _reason = Reason;

    /// <summary>A recommendation whose reason is written from the gate and the two best scores when first read.</summary>
    internal Recommendation(
        RecommendationStatus status,
        Destination? destination,
        Destination? provisionalDestination,
        double confidence,
        IReadOnlyList<string> missingFields,
        GateResult gate,
        DestinationScore best,
        DestinationScore? second)
        : this(status, destination, provisionalDestination, null!, confidence, missingFields)
    {
        _gate = gate;
        _best = best;
        _second = second;
    }

    // A copy gets the text itself: a copy with another status must keep the reason of the original.
    private Recommendation(Recommendation original)
    {
        Status = original.Status;
        Destination = original.Destination;
        ProvisionalDestination = original.ProvisionalDestination;
        _reason = original.Reason;
        Confidence = original.Confidence;
        MissingFields = original.MissingFields;
    }

    // Every property is declared here, in the parameters' order, because a declared property is
    // listed after the generated ones: JSON and CSV output would otherwise move "reason" to the end.
    public RecommendationStatus Status { get; init; } = Status;

    public Destination? Destination { get; init; } = Destination;

    public Destination? ProvisionalDestination { get; init; } = ProvisionalDestination;

    public string Reason
    {
        // Written on every read, not kept: the store serialises each system once and drops the
        // text, and 100,000 kept texts that outlive the first garbage collection cost more to move
        // than to write again.
        get => _reason ?? Recommender.Reason(Status, _gate!, _best!, _second, MissingFields);
        init => _reason = value;
    }

    public double Confidence { get; init; } = Confidence;

    public IReadOnlyList<string> MissingFields { get; init; } = MissingFields;

    public bool Equals(Recommendation? other) =>
        ReferenceEquals(this, other)
        || (other is not null
            && Status == other.Status
            && Destination == other.Destination
            && ProvisionalDestination == other.ProvisionalDestination
            && string.Equals(Reason, other.Reason, StringComparison.Ordinal)
            && Confidence.Equals(other.Confidence)
            && EqualityComparer<IReadOnlyList<string>>.Default.Equals(MissingFields, other.MissingFields));

    public override int GetHashCode() => HashCode.Combine(Status, Destination, ProvisionalDestination, Reason, Confidence, MissingFields);
}
