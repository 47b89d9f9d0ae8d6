using Sourcing.Analyzer.Lifecycle;
using Sourcing.Analyzer.Workloads;
using Sourcing.Tests.Support;

namespace Sourcing.Tests.Analyzer.Lifecycle;

public sealed class OsLifecycleTableTests
{
    private static readonly DateOnly Day = new(2026, 3, 1);

    [Theory]
    [InlineData("Microsoft Windows Server 2008 R2 (64-bit)", SupportStatus.Unsupported)] // ESU ended 2023-01-10
    [InlineData("WINDOWS_8_SERVER_64", SupportStatus.ExtendedOnly)] // 2012: support ended 2023-10-10, ESU to 2026-10-13
    [InlineData("Microsoft Windows Server 2016 (64-bit)", SupportStatus.Supported)] // to 2027-01-12
    [InlineData("WindowsServer 2019-Datacenter", SupportStatus.Supported)]
    [InlineData("RHEL_6_64", SupportStatus.Unsupported)] // ELS to 2024-06-30
    [InlineData("RHEL_7_64", SupportStatus.ExtendedOnly)] // maintenance to 2024-06-30, ELS to 2028-06-30
    [InlineData("Red Hat Enterprise Linux 8 (64-bit)", SupportStatus.Supported)]
    [InlineData("SLES_12_64", SupportStatus.ExtendedOnly)] // LTSS to 2027-10-31
    [InlineData("Ubuntu 16.04.7 LTS", SupportStatus.ExtendedOnly)] // ESM to 2026-04-02
    [InlineData("UbuntuServer 18.04-LTS", SupportStatus.ExtendedOnly)]
    [InlineData("0001-com-ubuntu-server-jammy 22_04-lts-gen2", SupportStatus.Supported)]
    [InlineData("WIN_NET_STANDARD_64", SupportStatus.Unsupported)] // 2003: older than every row
    [InlineData("RHEL_5_64", SupportStatus.Unsupported)]
    [InlineData("UBUNTU_64", SupportStatus.Unknown)] // no version
    [InlineData("DEBIAN_8_64", SupportStatus.Unknown)] // not in the table
    [InlineData("OTHER_3X_LINUX_64", SupportStatus.Unknown)]
    public void Evaluate_OnDate_GivesStatus(string guestOs, SupportStatus expected)
    {
        Assert.Equal(expected, OsLifecycleTable.Default.Evaluate(guestOs, Day).Status);
    }

    [Fact]
    public void Evaluate_DayAfterSupportEnd_IsExtendedOnly_AndAfterEsu_Unsupported()
    {
        var table = OsLifecycleTable.Default;

        Assert.Equal(SupportStatus.Supported, table.Evaluate("Windows Server 2012 R2", new DateOnly(2023, 10, 10)).Status);
        Assert.Equal(SupportStatus.ExtendedOnly, table.Evaluate("Windows Server 2012 R2", new DateOnly(2023, 10, 11)).Status);
        Assert.Equal(SupportStatus.Unsupported, table.Evaluate("Windows Server 2012 R2", new DateOnly(2026, 10, 14)).Status);
        // 2016 has no verified ESU: straight from Supported to Unsupported.
        Assert.Equal(SupportStatus.Unsupported, table.Evaluate("Windows Server 2016", new DateOnly(2027, 1, 13)).Status);
    }

    [Fact]
    public void Default_HasEveryVersionTheBriefNames_WithSources()
    {
        var table = OsLifecycleTable.Default;
        string[] expected =
        [
            "windows-server 2008", "windows-server 2008 R2", "windows-server 2012", "windows-server 2012 R2", "windows-server 2016",
            "windows-server 2019", "windows-server 2022", "windows-server 2025", "rhel 6", "rhel 7", "rhel 8", "rhel 9",
            "sles 12", "sles 15", "ubuntu 16.04", "ubuntu 18.04", "ubuntu 20.04", "ubuntu 22.04", "ubuntu 24.04",
        ];

        Assert.Equal(expected.Order(), table.Entries.Select(e => e.Product + " " + e.Version).Order());
        Assert.All(table.Entries, e => Assert.StartsWith("https://", e.Source, StringComparison.Ordinal));
        Assert.All(table.Entries, e => Assert.True(e.MainstreamEnd <= e.SupportEnd && (e.ExtendedEnd is null || e.SupportEnd < e.ExtendedEnd), e.Version));
        Assert.NotEmpty(table.Retrieved);
        Assert.Equal(new DateOnly(2034, 11, 14), table.Find(new OsIdentity(OsFamily.Windows, "windows-server", "2025"))!.SupportEnd);
    }

    [Fact]
    public void Evaluate_RecordedVsphereGuestOs_AllParse()
    {
        // Every guest_OS value in the recorded vCenter responses parses to a family.
        var values = Directory.EnumerateFiles(RepoPaths.Fixture("vsphere", "recorded"), "*.json", SearchOption.AllDirectories)
            .SelectMany(f => System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(f), "\"guest_OS\"\\s*:\\s*\"([A-Z0-9_]+)\"").Select(m => m.Groups[1].Value))
            .Distinct()
            .ToList();

        Assert.NotEmpty(values);
        Assert.All(values, v => Assert.Equal(OsFamily.Linux, GuestOsParser.Parse(v).Family));
    }
}
