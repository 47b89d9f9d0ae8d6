using Sourcing.Analyzer.Workloads;

namespace Sourcing.Analyzer.Assessment;

/// <summary>
/// The values the gate evaluates, with every unknown replaced by a stated, safe assumption.
/// The gate must never read "not classified" as K0, because that would open US-owned cloud
/// for exactly the systems nobody has looked at. The choices:
/// <list type="bullet">
/// <item>K unknown → K3. K3 is the level of patient and health data, the common top level in a
/// region; it blocks US-owned cloud/SaaS and makes Swedish managed hosting conditional, so the
/// unknown system cannot be sent abroad, yet in-house and Swedish hosting stay open. K4 is not
/// assumed: säkerhetsskydd systems are registered as such by the security officer, and assuming
/// K4 everywhere would hide every option.</item>
/// <item>R unknown → R2, T unknown → T3 if the availability need is 24×7, otherwise T2.</item>
/// <item>Personal data unknown → ordinary personal data (at least conditional for US-owned cloud).</item>
/// <item>Säkerhetsskydd, medical-device dependency, must work offline unknown → no.</item>
/// <item>A destination without a registered supplier → its assumption in <see cref="SupplierRegister"/>
/// (public cloud and SaaS outside the EU); <see cref="Suppliers"/> says which were assumed.</item>
/// </list>
/// Every assumption is listed in <see cref="Assumptions"/> and every unknown field in
/// <see cref="MissingFields"/> (Swedish field names), so the page says "underlag saknas".
/// </summary>
public sealed record GateFacts
{
    public const int AssumedConfidentiality = 3;

    public required int Confidentiality { get; init; }
    public required int Integrity { get; init; }
    public required int Availability { get; init; }
    public required PersonalDataCategory PersonalData { get; init; }
    public required bool SecurityClassified { get; init; }
    public required bool MedicalDeviceDependency { get; init; }
    public required bool RequiresOffline { get; init; }
    public required AvailabilityNeed AvailabilityNeed { get; init; }
    public required LifecycleState Lifecycle { get; init; }
    /// <summary>True when K is unknown: the recommendation is "underlag saknas".</summary>
    public required bool ClassificationMissing { get; init; }
    public required IReadOnlyList<string> Assumptions { get; init; }
    public required IReadOnlyList<string> MissingFields { get; init; }
    /// <summary>Who would host the system at each destination and under whose law (in <see cref="Destination"/> order).</summary>
    public IReadOnlyList<DestinationSupplier> Suppliers { get; init; } = SupplierRegister.Empty.Standard;

    /// <summary>The jurisdiction the gate uses for <paramref name="destination"/>.</summary>
    public Jurisdiction JurisdictionOf(Destination destination) =>
        Suppliers.Count > (int)destination ? Suppliers[(int)destination].Jurisdiction : SupplierRegister.Assumption(destination);

    // The assumption texts, written once rather than once per system that lacks the value.
    private static readonly string AssumedConfidentialityText =
        $"Konfidentialitet (K) saknas – bedöms som K{AssumedConfidentiality} tills informationsklassning finns.";

    private static readonly string AssumedAvailabilityText2 = AssumedAvailabilityText(2);
    private static readonly string AssumedAvailabilityText3 = AssumedAvailabilityText(3);

    private static string AssumedAvailabilityText(int t) => $"Tillgänglighet (T) saknas – bedöms som T{t} utifrån tillgänglighetsbehovet.";

    public static GateFacts From(Workload workload) => From(workload, SupplierRegister.Empty);

    public static GateFacts From(Workload workload, SupplierRegister suppliers)
    {
        ArgumentNullException.ThrowIfNull(suppliers);
        // Most systems are complete: allocate the lists only when something is missing.
        List<string>? assumptions = null;
        List<string>? missing = null;

        var k = workload.Confidentiality;
        if (k is null)
        {
            (missing ??= []).Add(FieldNames.Confidentiality);
            (assumptions ??= []).Add(AssumedConfidentialityText);
        }

        var r = workload.Integrity;
        if (r is null)
        {
            (missing ??= []).Add(FieldNames.Integrity);
            (assumptions ??= []).Add("Riktighet (R) saknas – bedöms som R2.");
        }

        var t = workload.Availability;
        if (t is null)
        {
            (missing ??= []).Add(FieldNames.Availability);
            t = workload.AvailabilityNeed == AvailabilityNeed.TwentyFourSeven ? 3 : 2;
            (assumptions ??= []).Add(t == 3 ? AssumedAvailabilityText3 : AssumedAvailabilityText2);
        }

        var personal = workload.PersonalData;
        if (personal == PersonalDataCategory.Unknown)
        {
            (missing ??= []).Add(FieldNames.PersonalData);
            (assumptions ??= []).Add("Personuppgifter okänt – bedöms som vanliga personuppgifter.");
            personal = PersonalDataCategory.Ordinary;
        }

        if (workload.SecurityClassified is null)
        {
            (missing ??= []).Add(FieldNames.SecurityClassified);
        }

        if (workload.MedicalDeviceDependency is null)
        {
            (missing ??= []).Add(FieldNames.MedicalDevice);
        }

        if (workload.RequiresOffline is null)
        {
            (missing ??= []).Add(FieldNames.RequiresOffline);
        }

        if (workload.AvailabilityNeed == AvailabilityNeed.Unknown)
        {
            (missing ??= []).Add(FieldNames.AvailabilityNeed);
        }

        return new GateFacts
        {
            Confidentiality = k ?? AssumedConfidentiality,
            Integrity = r ?? 2,
            Availability = t.Value,
            PersonalData = personal,
            SecurityClassified = workload.SecurityClassified ?? false,
            MedicalDeviceDependency = workload.MedicalDeviceDependency ?? false,
            RequiresOffline = workload.RequiresOffline ?? false,
            AvailabilityNeed = workload.AvailabilityNeed,
            Lifecycle = workload.Lifecycle,
            ClassificationMissing = k is null,
            Assumptions = (IReadOnlyList<string>?)assumptions ?? [],
            MissingFields = (IReadOnlyList<string>?)missing ?? [],
            Suppliers = suppliers.For(workload),
        };
    }
}
