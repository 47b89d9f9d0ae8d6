namespace Sourcing.Collector.Imports;

/// <summary>How a register column's text is checked and turned into the stored value.</summary>
internal enum RegisterValueKind
{
    Text,
    Level,
    YesNo,
    Count,
    Date,
    Department,
    PersonalData,
    AvailabilityNeed,
    Saas,
    Lifecycle,
    /// <summary>Kronor per year, 0 to 9 999 999 999 ("150 000", "150000").</summary>
    Amount,
}

/// <summary>One column of the system register: the workload attribute it sets, its Swedish and English names and how values read.</summary>
internal sealed record SystemRegisterField(string Attribute, string SwedishName, string EnglishName, RegisterValueKind Kind, params string[] OtherNames)
{
    public const string NameAttribute = "name";

    /// <summary>Every column the import knows. Attribute names are sourcing.workload's, department and object by name.</summary>
    public static IReadOnlyList<SystemRegisterField> All { get; } =
    [
        new(NameAttribute, "System", "System", RegisterValueKind.Text, "systemnamn", "system name", "name", "namn"),
        new("management_object", "Förvaltningsobjekt", "Management object", RegisterValueKind.Text, "objekt", "object"),
        new("department", "Förvaltning", "Department", RegisterValueKind.Department),
        new("object_owner", "Objektägare", "Object owner", RegisterValueKind.Text, "owner", "systemägare", "system owner"),
        new("object_manager", "Objektförvaltare", "Object manager", RegisterValueKind.Text, "manager", "systemförvaltare"),
        new("confidentiality", "K", "Confidentiality", RegisterValueKind.Level, "konfidentialitet", "c"),
        new("integrity", "R", "Integrity", RegisterValueKind.Level, "riktighet", "i"),
        new("availability", "T", "Availability", RegisterValueKind.Level, "tillgänglighet", "a"),
        new("security_classified", "Säkerhetsskydd", "Security classified", RegisterValueKind.YesNo, "säkerhetsskyddsklassad"),
        new("personal_data", "Personuppgifter", "Personal data", RegisterValueKind.PersonalData),
        new("availability_need", "Tillgänglighetsbehov", "Availability need", RegisterValueKind.AvailabilityNeed, "drifttid"),
        new("medical_device", "Medicinteknik", "Medical device", RegisterValueKind.YesNo, "medicintekniskt beroende", "medical device dependency"),
        new("requires_offline", "Utan internet", "Requires offline", RegisterValueKind.YesNo, "offline", "måste fungera utan internet"),
        new("in_house_built", "Egenutvecklad", "In-house built", RegisterValueKind.YesNo),
        new("vendor", "Leverantör", "Vendor", RegisterValueKind.Text),
        new("product", "Produkt", "Product", RegisterValueKind.Text),
        new("saas_available", "SaaS finns", "SaaS available", RegisterValueKind.Saas, "saas"),
        new("integration_count", "Integrationer", "Integrations", RegisterValueKind.Count, "antal integrationer", "integration count"),
        new("contract_end", "Avtalsslut", "Contract end", RegisterValueKind.Date, "avtalet löper ut"),
        new("lifecycle", "Livscykel", "Lifecycle", RegisterValueKind.Lifecycle, "status"),
        new("licence_sek_per_year", "Licenskostnad kr/år", "Licence SEK per year", RegisterValueKind.Amount, "licenskostnad", "licens och underhåll", "licence cost"),
    ];

    public IEnumerable<string> Names => new[] { SwedishName, EnglishName }.Concat(OtherNames).Select(ImportFiles.NormalizeHeader).Distinct();
}
