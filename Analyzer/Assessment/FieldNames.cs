namespace Sourcing.Analyzer.Assessment;

/// <summary>The Swedish names of the workload fields a person fills in, as "underlag saknas" lists them.</summary>
public static class FieldNames
{
    public const string Confidentiality = "Konfidentialitet (K) enligt KLASSA";
    public const string Integrity = "Riktighet (R) enligt KLASSA";
    public const string Availability = "Tillgänglighet (T) enligt KLASSA";
    public const string PersonalData = "Personuppgifter (kategori)";
    public const string SecurityClassified = "Säkerhetsskyddsklassificerad";
    public const string MedicalDevice = "Beroende av medicinteknisk utrustning";
    public const string RequiresOffline = "Måste fungera utan internet";
    public const string AvailabilityNeed = "Tillgänglighetsbehov (kontorstid/utökad/dygnet runt)";
    public const string InHouseBuilt = "Egenutvecklat eller köpt produkt";
    public const string SaasAvailable = "Finns SaaS-version";
    public const string IntegrationCount = "Antal integrationer";
    public const string ContractEnd = "Avtalets slutdatum";
    public const string Resources = "Servrar och resurser (koppling till systemet)";
    public const string OsSupport = "Operativsystemets supportstatus";
}
