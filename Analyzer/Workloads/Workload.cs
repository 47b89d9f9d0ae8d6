namespace Sourcing.Analyzer.Workloads;

/// <summary>
/// A system (workload) with what the analysis needs: attributes a person or an import
/// supplied and a summary of the resources it runs on. Null means "not known".
/// </summary>
public sealed record Workload
{
    public required long Id { get; init; }
    public required string Name { get; init; }
    /// <summary>pm3 förvaltningsobjekt.</summary>
    public string? ManagementObject { get; init; }
    /// <summary>The owning förvaltning (department).</summary>
    public string? Department { get; init; }
    public string? ObjectOwner { get; init; }
    public string? ObjectManager { get; init; }
    /// <summary>KLASSA konfidentialitet 0–4.</summary>
    public int? Confidentiality { get; init; }
    /// <summary>KLASSA riktighet 0–4.</summary>
    public int? Integrity { get; init; }
    /// <summary>KLASSA tillgänglighet 0–4.</summary>
    public int? Availability { get; init; }
    /// <summary>Security-classified (säkerhetsskyddsklassificerad).</summary>
    public bool? SecurityClassified { get; init; }
    public PersonalDataCategory PersonalData { get; init; } = PersonalDataCategory.Unknown;
    public AvailabilityNeed AvailabilityNeed { get; init; } = AvailabilityNeed.Unknown;
    public bool? MedicalDeviceDependency { get; init; }
    /// <summary>Must work without internet.</summary>
    public bool? RequiresOffline { get; init; }
    /// <summary>Egenutvecklad (true) or a commercial product (false).</summary>
    public bool? InHouseBuilt { get; init; }
    public string? Vendor { get; init; }
    public string? Product { get; init; }
    public Tristate SaasAvailable { get; init; } = Tristate.Unknown;
    public int? IntegrationCount { get; init; }
    public DateOnly? ContractEnd { get; init; }
    public LifecycleState Lifecycle { get; init; } = LifecycleState.InUse;
    /// <summary>The system's own licence and maintenance fee, SEK per year (system register).</summary>
    public double? LicenceSekPerYear { get; init; }
    public IReadOnlyList<WorkloadResource> Resources { get; init; } = [];
}

/// <summary>
/// One resource a workload runs on, in the common shape. <paramref name="OsFamily"/> is the
/// lifecycle product key where known ("windows-server", "rhel"), else the stored family;
/// <paramref name="Family"/> is the typed family every comparison uses.
/// </summary>
public sealed record WorkloadResource(
    long Id,
    string Kind,
    string Name,
    string? OsFamily,
    string? OsVersion,
    SupportStatus Support,
    int CpuCount,
    long MemoryMib,
    decimal StorageGib,
    bool IsCloud,
    bool IsPhysicalHost,
    Lifecycle.OsFamily Family = Lifecycle.OsFamily.Other,
    bool PoweredOn = true,
    string? Host = null,
    string? Cluster = null,
    string? GuestOs = null);
