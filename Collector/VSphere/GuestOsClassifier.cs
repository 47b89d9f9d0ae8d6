using System.Text.RegularExpressions;

namespace Sourcing.Collector.VSphere;

/// <summary>
/// OS family and version from what vCenter says: the full name VMware Tools reports (best), else
/// the configured guest_OS enum (vcenter.json VcenterVmGuestOS). The enum names lag behind the
/// products: WINDOWS_9_SERVER_64 is Server 2016, WINDOWS_SERVER_2021 is Server 2022.
/// </summary>
internal static partial class GuestOsClassifier
{
    private static readonly Dictionary<string, string> WindowsEnum = new(StringComparer.Ordinal)
    {
        ["WIN_NET_STANDARD"] = "2003",
        ["WIN_NET_STANDARD_64"] = "2003",
        ["WIN_NET_ENTERPRISE"] = "2003",
        ["WIN_NET_ENTERPRISE_64"] = "2003",
        ["WIN_LONGHORN"] = "2008",
        ["WIN_LONGHORN_64"] = "2008",
        ["WINDOWS_7_SERVER_64"] = "2008 R2",
        ["WINDOWS_8_SERVER_64"] = "2012",
        ["WINDOWS_9_SERVER_64"] = "2016",
        ["WINDOWS_SERVER_2019"] = "2019",
        ["WINDOWS_SERVER_2021"] = "2022",
    };

    public static string? Family(string? identityFamily, string? fullName, string? guestOsEnum)
    {
        if (identityFamily is "WINDOWS" or "LINUX")
        {
            return identityFamily.ToLowerInvariant();
        }

        var text = (fullName ?? "") + " " + (guestOsEnum ?? "");
        if (text.Contains("WIN", StringComparison.OrdinalIgnoreCase))
        {
            return "windows";
        }

        return LinuxWord().IsMatch(text) ? "linux" : null;
    }

    public static string? Version(string? fullName, string? guestOsEnum)
    {
        if (!string.IsNullOrEmpty(fullName))
        {
            if (WindowsServer().Match(fullName) is { Success: true } w)
            {
                return w.Groups[1].Value + (w.Groups[2].Success ? " R2" : "");
            }

            if (LinuxVersion().Match(fullName) is { Success: true } l)
            {
                return l.Groups["v"].Value;
            }
        }

        if (guestOsEnum is null)
        {
            return null;
        }

        if (WindowsEnum.TryGetValue(guestOsEnum, out var windows))
        {
            return windows;
        }

        return EnumVersion().Match(guestOsEnum) is { Success: true } e ? e.Groups[1].Value : null;
    }

    [GeneratedRegex(@"linux|rhel|red ?hat|sles|suse|ubuntu|debian|centos|oracle|fedora|photon|amazon", RegexOptions.IgnoreCase)]
    private static partial Regex LinuxWord();

    [GeneratedRegex(@"Windows Server (\d{4})( R2)?", RegexOptions.IgnoreCase)]
    private static partial Regex WindowsServer();

    [GeneratedRegex(@"(?:Red Hat Enterprise Linux(?: Server)?(?: release)?|SUSE Linux Enterprise(?: Server)?|Ubuntu|Debian GNU/Linux|CentOS(?: Linux)?(?: release)?|Oracle Linux(?: Server)?) (?<v>\d+(?:\.\d+)?)", RegexOptions.IgnoreCase)]
    private static partial Regex LinuxVersion();

    [GeneratedRegex(@"^(?:RHEL|SLES|CENTOS|ORACLE_LINUX|DEBIAN)_(\d+)(?:_64)?$")]
    private static partial Regex EnumVersion();
}
