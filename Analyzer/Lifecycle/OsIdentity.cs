namespace Sourcing.Analyzer.Lifecycle;

/// <summary>
/// What a guest-OS string says: the family, the product key as the lifecycle table names it
/// ("windows-server", "rhel", "sles", "ubuntu"; others like "debian", "centos", "windows" for
/// desktops) and the version ("2012 R2", "8", "22.04"), each null when unknown.
/// </summary>
public sealed record OsIdentity(OsFamily Family, string? Product, string? Version)
{
    public static OsIdentity Unknown { get; } = new(OsFamily.Other, null, null);

    /// <summary>The family as stored in the inventory ("windows", "linux"; null when other).</summary>
    public string? FamilyKey => OsFamilies.Key(Family);

    /// <summary>
    /// A readable name for a vendor's code ("WINDOWS_9_SERVER_64" → "Windows Server 2016", "RHEL_8_64" → "Red Hat
    /// Enterprise Linux 8"); null when the product is unknown.
    /// </summary>
    public string? Name => Product switch
    {
        null => null,
        "windows-server" => Named("Windows Server"),
        "windows" => Named("Windows"),
        "rhel" => Named("Red Hat Enterprise Linux"),
        "sles" => Named("SUSE Linux Enterprise"),
        "ubuntu" => Named("Ubuntu"),
        "centos" => Named("CentOS"),
        "debian" => Named("Debian"),
        "oracle-linux" => Named("Oracle Linux"),
        "amazon-linux" => Named("Amazon Linux"),
        "fedora" => Named("Fedora"),
        "rocky" => Named("Rocky Linux"),
        "almalinux" => Named("AlmaLinux"),
        "photon" => Named("VMware Photon OS"),
        "opensuse" => Named("openSUSE"),
        _ => Named(Product),
    };

    private string Named(string product) => Version is null ? product : product + " " + Version;
}
