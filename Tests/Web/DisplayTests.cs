using System.Globalization;

namespace Sourcing.Tests.Web;

/// <summary>How numbers read on the Swedish pages.</summary>
public sealed class DisplayTests
{
    [Fact]
    public void Parameter_InSwedish_SpacesThousandsButNotYears()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("sv-SE");
        try
        {
            // The salary base year read "2 024" and its bounds "2 015–2 040" on the scenario page.
            Assert.Equal("2024", Sourcing.Web.Display.Parameter(2024, "år"));
            Assert.Equal("5,5", Sourcing.Web.Display.Parameter(5.5, "år"));
            Assert.Equal("42\u00a0000", Sourcing.Web.Display.Parameter(42_000, "kr/mån"));
            Assert.Equal("52,3", Sourcing.Web.Display.Parameter(52.3, "% av lön"));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Theory]
    [InlineData(0.4, "0 s")]
    [InlineData(4.4, "4 s")]
    [InlineData(125, "2 min 5 s")]
    [InlineData(3780, "1 h 3 min")]
    public void Duration_AsAPersonSaysIt(double seconds, string expected) =>
        Assert.Equal(expected, Sourcing.Web.Display.Duration(TimeSpan.FromSeconds(seconds)));

    [Theory]
    [InlineData("WINDOWS_9_SERVER_64", "Windows Server 2016", "WINDOWS_9_SERVER_64")]
    [InlineData("RHEL_8_64", "Red Hat Enterprise Linux 8", "RHEL_8_64")]
    [InlineData("windows2019srvNext_64Guest", "Windows Server 2022", "windows2019srvNext_64Guest")]
    [InlineData("Microsoft Windows Server 2019 (64-bit)", "Microsoft Windows Server 2019 (64-bit)", null)]
    [InlineData("OTHER_LINUX_64", "OTHER_LINUX_64", null)]
    [InlineData("ubuntu", "Ubuntu", null)]
    [InlineData("redhat", "Red Hat Enterprise Linux", "redhat")]
    [InlineData(null, "–", null)]
    public void GuestOs_VendorCodeGetsReadableNameCodeKept(string? stored, string readable, string? code) =>
        Assert.Equal((readable, code), Sourcing.Web.Display.GuestOs(stored));

    [Theory]
    [InlineData("mapping", "automatisk koppling")]
    [InlineData("import:objektregister.csv", "import av objektregister.csv")]
    [InlineData("it-strateg", "it-strateg")]
    [InlineData(null, "–")]
    public void Actor_ProductJobsInSwedish(string? by, string expected) =>
        Assert.Equal(expected, Sourcing.Web.Display.Actor(new Texts(), by));

    /// <summary>The two texts <see cref="Sourcing.Web.Display.Actor"/> asks for, as the Swedish resource file has them.</summary>
    private sealed class Texts : Microsoft.Extensions.Localization.IStringLocalizer
    {
        private static readonly Dictionary<string, string> Values = new()
        {
            ["Actor.Mapping"] = "automatisk koppling",
            ["Actor.Import"] = "import av {0}",
        };

        public Microsoft.Extensions.Localization.LocalizedString this[string name] => new(name, Values[name]);

        public Microsoft.Extensions.Localization.LocalizedString this[string name, params object[] arguments] =>
            new(name, string.Format(CultureInfo.InvariantCulture, Values[name], arguments));

        public IEnumerable<Microsoft.Extensions.Localization.LocalizedString> GetAllStrings(bool includeParentCultures) =>
            Values.Select(v => new Microsoft.Extensions.Localization.LocalizedString(v.Key, v.Value));
    }
}
