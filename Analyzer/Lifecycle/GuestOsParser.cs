using System.Globalization;
using System.Text.RegularExpressions;

namespace Sourcing.Analyzer.Lifecycle;

/// <summary>
/// Reads an OS out of the many ways vendors name it: vSphere guest_OS enum values
/// (WINDOWS_9_SERVER_64, RHEL_7_64), vSphere and RVTools full names ("Microsoft Windows Server 2016
/// (64-bit)"), VMware Tools names ("Red Hat Enterprise Linux Server release 7.9 (Maipo)") and Azure
/// image offer + sku ("WindowsServer 2019-Datacenter", "0001-com-ubuntu-server-jammy 22_04-lts-gen2")
/// and vSphere VI/JSON guest ids ("windows2019srvNext_64Guest"). The one OS parser of the product:
/// the collectors (vSphere REST and VI/JSON, Azure, RVTools) and the analyzer all call it.
/// </summary>
public static partial class GuestOsParser
{
    // vSphere enum names that carry no year: the mapping is VMware's (GuestOsIdentifier docs).
    // VI/JSON guest ids (vim.vm.GuestOsDescriptor.GuestOsIdentifier) name the product before it
    // shipped: windows2019srvNext_64Guest is Server 2022, windows2022srvNext_64Guest is Server 2025.
    // The "Next" ids come first, else the year inside them would win.
    private static readonly (string Prefix, string Version)[] WindowsEnums =
    [
        ("WINDOWS2022SRVNEXT", "2025"),
        ("WINDOWS2019SRVNEXT", "2022"),
        ("WINDOWS9SERVER", "2016"),
        ("WINDOWS8SERVER", "2012"),
        ("WINDOWS7SERVER", "2008 R2"),
        ("WINLONGHORN", "2008"),
        ("WINNET", "2003"),
        ("WINDOWS_2022SERVER_NEXT", "2025"),
        ("WINDOWS_SERVER_2025", "2025"),
        ("WINDOWS_2019SERVER_NEXT", "2022"),
        ("WINDOWS_SERVER_2021", "2022"),
        ("WINDOWS_9_SERVER", "2016"),
        ("WINDOWS_8_SERVER", "2012"),
        ("WINDOWS_7_SERVER", "2008 R2"),
        ("WIN_LONGHORN", "2008"),
        ("WIN_NET_", "2003"),
        ("WIN_2000_", "2000"),
    ];

    private static readonly Dictionary<string, string> UbuntuCodenames = new(StringComparer.Ordinal)
    {
        ["xenial"] = "16.04",
        ["bionic"] = "18.04",
        ["focal"] = "20.04",
        ["jammy"] = "22.04",
        ["noble"] = "24.04",
    };

    /// <summary>
    /// The best reading of several names for one guest, best source first (VMware Tools' full name,
    /// then the configured guest id): the first that gives a version, else the first that gives a
    /// family, else unknown.
    /// </summary>
    public static OsIdentity ParseBest(params string?[] names)
    {
        var parsed = names.Select(Parse).ToList();
        return parsed.FirstOrDefault(os => os.Version is not null)
            ?? parsed.FirstOrDefault(os => os.Family != OsFamily.Other)
            ?? OsIdentity.Unknown;
    }

    public static OsIdentity Parse(string? guestOs)
    {
        if (string.IsNullOrWhiteSpace(guestOs))
        {
            return OsIdentity.Unknown;
        }

        var text = guestOs.Trim();
        var upper = text.ToUpperInvariant();
        var lower = text.ToLowerInvariant();

        if (upper.StartsWith("WIN", StringComparison.Ordinal) || lower.Contains("windows", StringComparison.Ordinal) || lower.Contains("microsoft", StringComparison.Ordinal))
        {
            return ParseWindows(upper, lower);
        }

        // "redhat": the distribution id an Azure VM's guest agent reports as its OS name.
        if (lower.Contains("red hat enterprise", StringComparison.Ordinal) || RhelWord().IsMatch(lower) || lower.StartsWith("redhat", StringComparison.Ordinal))
        {
            return new OsIdentity(OsFamily.Linux, "rhel", Major(lower, RhelVersion()));
        }

        if (lower.Contains("suse linux enterprise", StringComparison.Ordinal) || SlesWord().IsMatch(lower))
        {
            return new OsIdentity(OsFamily.Linux, "sles", Major(lower, SlesVersion()));
        }

        if (lower.Contains("ubuntu", StringComparison.Ordinal))
        {
            return new OsIdentity(OsFamily.Linux, "ubuntu", UbuntuVersion(lower));
        }

        foreach (var (word, product) in new[] { ("centos", "centos"), ("debian", "debian"), ("oracle", "oracle-linux"), ("amazon linux", "amazon-linux"), ("fedora", "fedora"), ("rocky", "rocky"), ("alma", "almalinux"), ("photon", "photon"), ("opensuse", "opensuse") })
        {
            if (lower.Contains(word, StringComparison.Ordinal))
            {
                return new OsIdentity(OsFamily.Linux, product, Major(lower, AnyVersion()));
            }
        }

        if (lower.Contains("linux", StringComparison.Ordinal))
        {
            return new OsIdentity(OsFamily.Linux, null, null);
        }

        return OsIdentity.Unknown;
    }

    private static OsIdentity ParseWindows(string upper, string lower)
    {
        foreach (var (prefix, version) in WindowsEnums)
        {
            if (upper.StartsWith(prefix, StringComparison.Ordinal))
            {
                return new OsIdentity(OsFamily.Windows, "windows-server", version);
            }
        }

        var year = ServerYear().Match(lower);
        if (year.Success)
        {
            var version = year.Groups["year"].Value;
            if (year.Groups["r2"].Success && version is "2008" or "2012")
            {
                version += " R2";
            }

            return new OsIdentity(OsFamily.Windows, "windows-server", version);
        }

        if (lower.Contains("server", StringComparison.Ordinal))
        {
            return new OsIdentity(OsFamily.Windows, "windows-server", null);
        }

        // Desktop Windows (WINDOWS_9_64 is Windows 10): not in the server table.
        var desktop = DesktopVersion().Match(upper);
        return new OsIdentity(OsFamily.Windows, "windows", desktop.Success ? DesktopName(desktop.Groups[1].Value) : null);
    }

    private static string DesktopName(string enumNumber) => enumNumber switch
    {
        "9" => "10",
        "8" => "8",
        "7" => "7",
        _ => enumNumber,
    };

    private static string? Major(string lower, Regex pattern)
    {
        var match = pattern.Match(lower);
        return match.Success ? int.Parse(match.Groups["v"].Value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture) : null;
    }

    private static string? UbuntuVersion(string lower)
    {
        var match = UbuntuNumber().Match(lower);
        if (match.Success)
        {
            return match.Groups["y"].Value + "." + match.Groups["m"].Value;
        }

        foreach (var (name, version) in UbuntuCodenames)
        {
            if (lower.Contains(name, StringComparison.Ordinal))
            {
                return version;
            }
        }

        return null;
    }

    // "2012 r2", "2012-r2-datacenter", "2012r2", "server_2019"; the year must not be part of a longer number.
    [GeneratedRegex(@"(?<!\d)(?<year>2000|2003|2008|2012|2016|2019|2022|2025)(?!\d)(?<r2>[\s_-]*r2)?")]
    private static partial Regex ServerYear();

    [GeneratedRegex(@"^WINDOWS_(\d+)(_64)?$")]
    private static partial Regex DesktopVersion();

    [GeneratedRegex(@"(^|[^a-z])rhel([^a-z]|$)")]
    private static partial Regex RhelWord();

    // "rhel_7_64", "rhel 8-lvm-gen2", "red hat enterprise linux 8 (64-bit)", "release 7.9 (maipo)", "rhel 86-gen2" (sku 8.6).
    [GeneratedRegex(@"(?:rhel|linux|release|server)[\s_-]*(?<v>\d)(?!\d{2})")]
    private static partial Regex RhelVersion();

    [GeneratedRegex(@"(^|[^a-z])sles([^a-z]|$)")]
    private static partial Regex SlesWord();

    [GeneratedRegex(@"(?:sles|enterprise|server)[\s_-]*(?<v>\d{2})(?!\d)")]
    private static partial Regex SlesVersion();

    [GeneratedRegex(@"(?<!\d)(?<y>1[0-9]|2[0-9])[._](?<m>04|10)(?!\d)")]
    private static partial Regex UbuntuNumber();

    [GeneratedRegex(@"(?<![\d.])(?<v>\d{1,2})(?!\d)(?!-bit)")]
    private static partial Regex AnyVersion();
}
