using Sourcing.Analyzer.Workloads;

namespace Sourcing.Analyzer.Assessment;

/// <summary>
/// Evaluates one rule set for many systems. The verdicts depend only on which rules matched, so
/// an estate of 100,000 systems has a handful of distinct answers (one per combination of
/// matching rules): each is computed once and shared (the per-destination results are
/// immutable), and a system costs only its rule conditions. Not thread-safe; one per run.
/// </summary>
public sealed class GateEvaluator(GateRuleSet rules, SupplierRegister? suppliers = null)
{
    // Keyed by the set of matching rules (one bit per rule in table order) and the destinations
    // whose supplier is outside the EU (one bit per destination).
    private readonly Dictionary<(ulong Rules, int NonEu), IReadOnlyList<DestinationGate>> _cache = [];

    private readonly SupplierRegister _suppliers = suppliers ?? SupplierRegister.Empty;

    public GateRuleSet Rules => rules;

    /// <summary>The gate for a workload; the same as <see cref="HostingGate.Evaluate(Workload, GateRuleSet)"/>.</summary>
    public GateResult Evaluate(Workload workload) => Evaluate(workload.Id, GateFacts.From(workload, _suppliers));

    public GateResult Evaluate(long workloadId, GateFacts facts)
    {
        var list = rules.Rules;
        if (list.Count > 64)
        {
            // More rules than bits: no region's table is this long, so no sharing is needed.
            return HostingGate.Evaluate(workloadId, facts, rules);
        }

        var key = 0UL;
        for (var r = 0; r < list.Count; r++)
        {
            if (list[r].Condition.Matches(facts))
            {
                key |= 1UL << r;
            }
        }

        var nonEu = HostingGate.JurisdictionMask(facts);
        if (!_cache.TryGetValue((key, nonEu), out var destinations))
        {
            Span<bool> matched = stackalloc bool[list.Count];
            for (var r = 0; r < matched.Length; r++)
            {
                matched[r] = (key & (1UL << r)) != 0;
            }

            destinations = HostingGate.Decide(rules, matched, nonEu);
            _cache[(key, nonEu)] = destinations;
        }

        return new GateResult(workloadId, rules.Version, destinations, facts);
    }
}
