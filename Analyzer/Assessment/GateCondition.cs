using Sourcing.Analyzer.Workloads;

namespace Sourcing.Analyzer.Assessment;

/// <summary>
/// When a gate rule applies. Only stated criteria count (null or empty = not part of the
/// condition); a condition with no criteria applies to every system. Criteria are evaluated
/// against <see cref="GateFacts"/>, i.e. after unknown values have been replaced by the safe
/// assumptions documented there.
/// </summary>
public sealed record GateCondition
{
    public GateMatch Match { get; init; } = GateMatch.Any;
    /// <summary>KLASSA K at or above this level.</summary>
    public int? MinConfidentiality { get; init; }
    /// <summary>KLASSA R at or above this level.</summary>
    public int? MinIntegrity { get; init; }
    /// <summary>KLASSA T at or above this level.</summary>
    public int? MinAvailability { get; init; }
    /// <summary>The personal-data category is one of these.</summary>
    public IReadOnlyList<PersonalDataCategory> PersonalData { get; init; } = [];
    /// <summary>Matches when the system's säkerhetsskydd flag equals this value.</summary>
    public bool? SecurityClassified { get; init; }
    public bool? MedicalDeviceDependency { get; init; }
    public bool? RequiresOffline { get; init; }
    /// <summary>The availability need is one of these.</summary>
    public IReadOnlyList<AvailabilityNeed> AvailabilityNeeds { get; init; } = [];
    /// <summary>The lifecycle state is one of these.</summary>
    public IReadOnlyList<LifecycleState> Lifecycle { get; init; } = [];

    public bool Matches(GateFacts facts)
    {
        var any = false;
        var all = true;
        var stated = 0;

        void Check(bool result)
        {
            stated++;
            any |= result;
            all &= result;
        }

        if (MinConfidentiality is { } k)
        {
            Check(facts.Confidentiality >= k);
        }

        if (MinIntegrity is { } r)
        {
            Check(facts.Integrity >= r);
        }

        if (MinAvailability is { } t)
        {
            Check(facts.Availability >= t);
        }

        if (PersonalData.Count > 0)
        {
            Check(PersonalData.Contains(facts.PersonalData));
        }

        if (SecurityClassified is { } s)
        {
            Check(facts.SecurityClassified == s);
        }

        if (MedicalDeviceDependency is { } m)
        {
            Check(facts.MedicalDeviceDependency == m);
        }

        if (RequiresOffline is { } o)
        {
            Check(facts.RequiresOffline == o);
        }

        if (AvailabilityNeeds.Count > 0)
        {
            Check(AvailabilityNeeds.Contains(facts.AvailabilityNeed));
        }

        if (Lifecycle.Count > 0)
        {
            Check(Lifecycle.Contains(facts.Lifecycle));
        }

        return stated == 0 || (Match == GateMatch.Any ? any : all);
    }
}
