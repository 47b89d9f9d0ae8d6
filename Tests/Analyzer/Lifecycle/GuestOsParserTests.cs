using Sourcing.Analyzer.Lifecycle;
using Sourcing.Analyzer.Workloads;

namespace Sourcing.Tests.Analyzer.Lifecycle;

public sealed class GuestOsParserTests
{
    [Theory]
    // vSphere guest_OS enum values (the recorded vCenter has DEBIAN_8_64 and OTHER_3X_LINUX_64).
    [InlineData("WINDOWS_9_SERVER_64", "windows", "windows-server", "2016")]
    [InlineData("WINDOWS_8_SERVER_64", "windows", "windows-server", "2012")]
    [InlineData("WINDOWS_7_SERVER_64", "windows", "windows-server", "2008 R2")]
    [InlineData("WIN_LONGHORN_64", "windows", "windows-server", "2008")]
    [InlineData("WINDOWS_SERVER_2019", "windows", "windows-server", "2019")]
    [InlineData("WINDOWS_SERVER_2021", "windows", "windows-server", "2022")]
    [InlineData("redhat", "linux", "rhel", null)] // an Azure guest agent's OS name
    [InlineData("RHEL_7_64", "linux", "rhel", "7")]
    [InlineData("RHEL_9_64", "linux", "rhel", "9")]
    [InlineData("SLES_15_64", "linux", "sles", "15")]
    [InlineData("SLES_12_64", "linux", "sles", "12")]
    [InlineData("UBUNTU_64", "linux", "ubuntu", null)]
    [InlineData("DEBIAN_8_64", "linux", "debian", "8")]
    [InlineData("OTHER_3X_LINUX_64", "linux", null, null)]
    // Full names as vSphere and RVTools show them.
    [InlineData("Microsoft Windows Server 2016 (64-bit)", "windows", "windows-server", "2016")]
    [InlineData("Microsoft Windows Server 2016 or later (64-bit)", "windows", "windows-server", "2016")]
    [InlineData("Microsoft Windows Server 2012 R2 Standard", "windows", "windows-server", "2012 R2")]
    [InlineData("Microsoft Windows Server 2008 R2 (64-bit)", "windows", "windows-server", "2008 R2")]
    [InlineData("Red Hat Enterprise Linux 8 (64-bit)", "linux", "rhel", "8")]
    [InlineData("Red Hat Enterprise Linux 9 (64-bit)", "linux", "rhel", "9")]
    [InlineData("Red Hat Enterprise Linux Server release 7.9 (Maipo)", "linux", "rhel", "7")]
    [InlineData("SUSE Linux Enterprise 15 (64-bit)", "linux", "sles", "15")]
    [InlineData("SUSE Linux Enterprise Server 12 SP5", "linux", "sles", "12")]
    [InlineData("Ubuntu 22.04.3 LTS", "linux", "ubuntu", "22.04")]
    [InlineData("Ubuntu Linux (64-bit)", "linux", "ubuntu", null)]
    [InlineData("Debian GNU/Linux 9 (64-bit)", "linux", "debian", "9")]
    [InlineData("Amazon Linux 2 (64-bit)", "linux", "amazon-linux", "2")]
    // Azure image offer + sku.
    [InlineData("WindowsServer 2019-Datacenter", "windows", "windows-server", "2019")]
    [InlineData("WindowsServer 2012-R2-Datacenter", "windows", "windows-server", "2012 R2")]
    [InlineData("WindowsServer 2022-datacenter-azure-edition", "windows", "windows-server", "2022")]
    [InlineData("RHEL 8-lvm-gen2", "linux", "rhel", "8")]
    [InlineData("0001-com-ubuntu-server-jammy 22_04-lts-gen2", "linux", "ubuntu", "22.04")]
    [InlineData("0001-com-ubuntu-server-focal 20_04-lts", "linux", "ubuntu", "20.04")]
    [InlineData("UbuntuServer 18.04-LTS", "linux", "ubuntu", "18.04")]
    [InlineData("sles-15-sp5 gen2", "linux", "sles", "15")]
    public void Parse_KnownStrings_GiveFamilyProductVersion(string text, string family, string? product, string? version)
    {
        var os = GuestOsParser.Parse(text);

        Assert.Equal(family, os.FamilyKey ?? "other");
        Assert.Equal(product, os.Product);
        Assert.Equal(version, os.Version);
    }

    /// <summary>
    /// The cases of the collector's former GuestOsClassifier (VMware Tools' full name, else the
    /// configured guest_OS enum), now read by the one parser the vSphere and VI/JSON mappers call.
    /// </summary>
    [Theory]
    [InlineData("Microsoft Windows Server 2012 R2 (64-bit)", null, "windows", "2012 R2")]
    [InlineData(null, "WINDOWS_SERVER_2021", "windows", "2022")]
    [InlineData(null, "WINDOWS_9_SERVER_64", "windows", "2016")]
    [InlineData("Red Hat Enterprise Linux 8 (64-bit)", "RHEL_8_64", "linux", "8")]
    [InlineData("Ubuntu 20.04.6 LTS", "UBUNTU_64", "linux", "20.04")]
    [InlineData(null, "SLES_15_64", "linux", "15")]
    [InlineData(null, "UBUNTU_64", "linux", null)]
    [InlineData(null, "WIN_NET_ENTERPRISE_64", "windows", "2003")]
    [InlineData(null, "WINDOWS_SERVER_2019", "windows", "2019")]
    [InlineData(null, "OTHER_3X_LINUX_64", "linux", null)]
    // The full name wins over the enum when it carries a version, the enum fills in when it does not.
    [InlineData("Microsoft Windows Server 2019 (64-bit)", "WINDOWS_9_SERVER_64", "windows", "2019")]
    [InlineData("Other Linux (64-bit)", "RHEL_9_64", "linux", "9")]
    // Windows Server 2025 in vSphere 8: Tools' full name, the REST enums and the VI/JSON guest ids.
    [InlineData("Microsoft Windows Server 2025 (64-bit)", null, "windows", "2025")]
    [InlineData(null, "WINDOWS_SERVER_2025", "windows", "2025")]
    [InlineData(null, "WINDOWS_2022SERVER_NEXT_64", "windows", "2025")]
    [InlineData(null, "windows2022srvNext_64Guest", "windows", "2025")]
    [InlineData(null, "windows2025srv_64Guest", "windows", "2025")]
    [InlineData(null, "windows2019srvNext_64Guest", "windows", "2022")]
    [InlineData(null, "windows9Server64Guest", "windows", "2016")]
    public void ParseBest_FullNameOrEnum_FamilyAndVersion(string? fullName, string? guestEnum, string family, string? version)
    {
        var os = GuestOsParser.ParseBest(fullName, guestEnum);

        Assert.Equal(family, os.FamilyKey);
        Assert.Equal(version, os.Version);
    }

    /// <summary>
    /// Windows Server 2025 against Microsoft's dates (mainstream end 2029-11-13, extended end
    /// 2034-11-14): supported on the last day of extended support, unsupported the day after.
    /// </summary>
    [Theory]
    [InlineData("Microsoft Windows Server 2025 (64-bit)")]
    [InlineData("windows2022srvNext_64Guest")]
    [InlineData("WindowsServer 2025-datacenter-azure-edition")]
    public void WindowsServer2025_InTheLifecycleTable(string guestOs)
    {
        var table = OsLifecycleTable.Default;

        var entry = table.Find(GuestOsParser.Parse(guestOs));

        Assert.NotNull(entry);
        Assert.Equal(new DateOnly(2029, 11, 13), entry.MainstreamEnd);
        Assert.Equal(new DateOnly(2034, 11, 14), entry.SupportEnd);
        Assert.Equal(SupportStatus.Supported, table.Evaluate(guestOs, new DateOnly(2034, 11, 14)).Status);
        Assert.Equal(SupportStatus.Unsupported, table.Evaluate(guestOs, new DateOnly(2034, 11, 15)).Status);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("FreeBSD 13")]
    public void Parse_UnknownOrEmpty_IsOther(string? text)
    {
        var os = GuestOsParser.Parse(text);

        Assert.Equal(OsFamily.Other, os.Family);
        Assert.Null(os.Product);
    }
}
