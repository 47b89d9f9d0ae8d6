namespace Sourcing.Analyzer.Assessment;

/// <summary>
/// Evaluates one rule set for many systems. The verdicts depend only on the handful of facts the
/// conditions read (K, R, T, personal data, three flags, availability need, lifecycle), so an
/// estate of 100,000 systems has at most a few thousand distinct answers: they are computed once
/// and shared (the per-destination results are immutable). Not thread-safe; one per run.
/// </summary>
public sealed class GateEvaluator(GateRuleSet rules)
{
    private readonly Dictionary<int, IReadOnlyList<DestinationGate>> _cache = [];

    public GateRuleSet Rules => rules;

    public GateResult Evaluate(long workloadId, GateFacts facts)
    {
        var key = Key(facts);
        if (key < 0)
        {
            return HostingGate.Evaluate(workloadId, facts, rules);
        }

        if (!_cache.TryGetValue(key, out var destinations))
        {
            destinations = HostingGate.Evaluate(workloadId, facts, rules).Destinations;
            _cache[key] = destinations;
        }

        return new GateResult(workloadId, rules.Version, destinations, facts);
    }

    /// <summary>The facts packed into 19 bits, or −1 when a value is outside the ranges packed.</summary>
    private static int Key(GateFacts f)
    {
        if ((uint)f.Confidentiality > 7 || (uint)f.Integrity > 7 || (uint)f.Availability > 7
            || (uint)f.PersonalData > 7 || (uint)f.AvailabilityNeed > 3 || (uint)f.Lifecycle > 3)
        {
            return -1;
        }

        return f.Confidentiality
            | (f.Integrity << 3)
            | (f.Availability << 6)
            | ((int)f.PersonalData << 9)
            | ((f.SecurityClassified ? 1 : 0) << 12)
            | ((f.MedicalDeviceDependency ? 1 : 0) << 13)
            | ((f.RequiresOffline ? 1 : 0) << 14)
            | ((int)f.AvailabilityNeed << 15)
            | ((int)f.Lifecycle << 17);
    }
}
