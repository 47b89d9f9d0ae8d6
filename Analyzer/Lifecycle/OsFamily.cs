namespace Sourcing.Analyzer.Lifecycle;

/// <summary>
/// The OS family, the one classification the whole product uses (collectors store its key, the
/// analyzer and planning compare the value). Parse vendor strings with <see cref="GuestOsParser"/>;
/// read a stored key with <see cref="OsFamilies.FromKey"/>.
/// </summary>
public enum OsFamily
{
    Other,
    Windows,
    Linux,
}

/// <summary>The stored spelling of <see cref="OsFamily"/> ("windows", "linux"; null for other).</summary>
public static class OsFamilies
{
    public static string? Key(OsFamily family) => family switch
    {
        OsFamily.Windows => "windows",
        OsFamily.Linux => "linux",
        _ => null,
    };

    /// <summary>
    /// A stored family or product key ("windows", "windows-server", "linux", "rhel", "Windows") as
    /// the family; anything unknown is <see cref="OsFamily.Other"/>.
    /// </summary>
    public static OsFamily FromKey(string? key)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            return OsFamily.Other;
        }

        if (key.StartsWith("windows", StringComparison.OrdinalIgnoreCase))
        {
            return OsFamily.Windows;
        }

        if (string.Equals(key, "linux", StringComparison.OrdinalIgnoreCase))
        {
            return OsFamily.Linux;
        }

        // A product key from the lifecycle table ("rhel", "ubuntu", ...) is Linux; the parser knows them.
        var parsed = GuestOsParser.Parse(key);
        return parsed.Family;
    }
}
