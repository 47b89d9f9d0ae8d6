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
}
