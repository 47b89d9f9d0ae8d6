namespace Sourcing.Analyzer.Assessment;

/// <summary>
/// One supplier in the region's register: who owns it, where the data lives, its EU Cloud
/// Sovereignty Framework SEAL level where known, and agreements such as a säkerhetsskyddsavtal.
/// <see cref="DefaultFor"/> makes it the supplier the region uses for a destination (for example
/// its cloud or its managed-hosting contract); a system's SaaS supplier is found by its vendor name.
/// Countries are ISO 3166-1 alpha-2 codes ("SE", "US").
/// </summary>
public sealed record Supplier
{
    public long Id { get; init; }
    public required string Name { get; init; }
    public required string OwnerCountry { get; init; }
    public string? UltimateParent { get; init; }
    public string? ParentCountry { get; init; }
    /// <summary>Where the data is stored and processed, e.g. "Sverige" or "EU/EES".</summary>
    public string? DataLocation { get; init; }
    /// <summary>EU Cloud Sovereignty Framework (2025) SEAL level 0–4; null = not assessed.</summary>
    public int? SealLevel { get; init; }
    public bool SecurityAgreement { get; init; }
    /// <summary>Other agreements in words (PUB-avtal, beredskapsavtal, …).</summary>
    public string? Agreements { get; init; }
    public Destination? DefaultFor { get; init; }

    /// <summary>EU and EEA member states: the countries whose law the gate counts as within the EU.</summary>
    public static IReadOnlySet<string> EuEeaCountries { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU",
        "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO",
    };

    /// <summary>Non-EU if the owner or the ultimate parent is outside the EU/EEA.</summary>
    public Jurisdiction Jurisdiction =>
        EuEeaCountries.Contains(OwnerCountry.Trim())
        && (string.IsNullOrWhiteSpace(ParentCountry) || EuEeaCountries.Contains(ParentCountry.Trim()))
            ? Jurisdiction.Eu
            : Jurisdiction.NonEu;
}
