namespace Sourcing.Analyzer.Lifecycle;

/// <summary>
/// What a guest-OS string says: family ("windows", "linux", "other"), product key as the lifecycle
/// table names it ("windows-server", "rhel", "sles", "ubuntu"; others like "debian", "centos",
/// "windows" for desktops) and version ("2012 R2", "8", "22.04"), each null when unknown.
/// </summary>
public sealed record OsIdentity(string Family, string? Product, string? Version)
{
    public static OsIdentity Unknown { get; } = new("other", null, null);
}
