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
}
