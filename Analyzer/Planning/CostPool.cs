namespace Sourcing.Analyzer.Planning;

/// <summary>
/// The cost pools that today's operation and every alternative are made of: the same list on both
/// sides, so a difference between them means something. Drift staff is its own pool but is priced
/// from FTE and salaries; the others from drivers (hosts, cores, TiB, servers) and unit prices.
/// </summary>
public enum CostPool
{
    DriftStaff,
    Hardware,
    Storage,
    Virtualisation,
    OsLicences,
    DatabaseLicences,
    Backup,
    Security,
    DataCentre,
    Facilities,
    SystemLicences,
}

/// <summary>How a pool's cost behaves when systems leave.</summary>
public enum PoolBehaviour
{
    /// <summary>Stops with the server or system, from the date it leaves.</summary>
    Variable,
    /// <summary>Stops when a host is freed (from the next 1 January) or its refresh is no longer needed.</summary>
    Step,
    /// <summary>Stays until the region decides otherwise ("kvarstående kostnad").</summary>
    Fixed,
}

/// <summary>ESV's it-kostnadsmall categories, as Swedish public bodies report IT cost.</summary>
public enum EsvCategory
{
    OwnStaff,
    Consultants,
    Hardware,
    Software,
    ExternalServices,
    Premises,
}

/// <summary>One pool: its key (files, JSON), Swedish label, behaviour, ESV category and what drives it.</summary>
public sealed record CostPoolInfo(CostPool Pool, string Key, string Label, PoolBehaviour Behaviour, EsvCategory Esv, string Driver);

public static class CostPools
{
    /// <summary>The key of a single figure for every pool but drift staff.</summary>
    public const string TotalKey = "total";

    public static IReadOnlyList<CostPoolInfo> All { get; } =
    [
        new(CostPool.DriftStaff, "drift_staff", "Driftpersonal", PoolBehaviour.Variable, EsvCategory.OwnStaff, "FTE × lön × (1 + PO-pålägg)"),
        new(CostPool.Hardware, "hardware", "Serverhårdvara (värdar)", PoolBehaviour.Step, EsvCategory.Hardware, "värdar × pris / livslängd; bara värdar som behövs köps vid förnyelse"),
        new(CostPool.Storage, "storage", "Lagring (SAN/vSAN)", PoolBehaviour.Step, EsvCategory.Hardware, "TiB i egen drift vid klustrets förnyelse"),
        new(CostPool.Virtualisation, "virtualisation", "Virtualiseringslicenser", PoolBehaviour.Step, EsvCategory.Software, "fysiska kärnor i värdar som behövs (abonnemang per kärna och år)"),
        new(CostPool.OsLicences, "os_licences", "OS-licenser (Windows Server, RHEL)", PoolBehaviour.Variable, EsvCategory.Software, "Windows: kärnor per VM (minst 8); RHEL: per VM"),
        new(CostPool.DatabaseLicences, "database_licences", "Databaslicenser (SQL Server)", PoolBehaviour.Variable, EsvCategory.Software, "andel Windows-VM med SQL Server × pris per VM"),
        new(CostPool.Backup, "backup", "Backup och katastrofskydd", PoolBehaviour.Variable, EsvCategory.Hardware, "TiB som skyddas"),
        new(CostPool.Security, "security", "Säkerhetsverktyg (EDR, sårbarhetsskanning)", PoolBehaviour.Variable, EsvCategory.Software, "servrar"),
        new(CostPool.DataCentre, "data_centre", "Datacenter- och nätverksandel", PoolBehaviour.Step, EsvCategory.Premises, "värdar som behövs (el, nätverksportar)"),
        new(CostPool.Facilities, "facilities", "Lokaler (yta, kyla, skalskydd)", PoolBehaviour.Fixed, EsvCategory.Premises, "värdar i dag; ligger kvar tills regionen beslutar annat"),
        new(CostPool.SystemLicences, "system_licences", "Systemens licens- och underhållsavgifter", PoolBehaviour.Variable, EsvCategory.Software, "objektregistrets licenskostnad per system"),
    ];

    private static readonly Dictionary<string, CostPoolInfo> ByKey = All.ToDictionary(p => p.Key, StringComparer.Ordinal);

    public static CostPoolInfo Get(CostPool pool) => All[(int)pool];

    public static bool TryGet(string key, out CostPoolInfo info) => ByKey.TryGetValue(key, out info!);

    public static string EsvLabel(EsvCategory category) => category switch
    {
        EsvCategory.OwnStaff => "Egen personal",
        EsvCategory.Consultants => "Konsulter",
        EsvCategory.Hardware => "Hårdvara",
        EsvCategory.Software => "Programvara och licenser",
        EsvCategory.ExternalServices => "Externa tjänster (drift, moln, SaaS)",
        _ => "Lokaler",
    };
}
