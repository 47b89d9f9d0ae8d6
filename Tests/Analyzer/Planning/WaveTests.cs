using Sourcing.Analyzer.Planning;

namespace Sourcing.Tests.Analyzer.Planning;

/// <summary>
/// A wave's quarter is written "kv. 2", never "K2": in this product K2 is a confidentiality class, and a board reading
/// "2027 K3 → Publikt moln" would take it for K3 data in a public cloud. What the pages write reads back, and what
/// people typed before (K2, Q2, 2027-2) still reads.
/// </summary>
public sealed class WaveTests
{
    [Theory]
    [InlineData(2027, null, "2027")]
    [InlineData(2027, 3, "2027 kv. 3")]
    public void ToString_QuarterAsKv_ReadsBack(int year, int? quarter, string text)
    {
        var wave = new Wave(year, quarter);

        Assert.Equal(text, wave.ToString());
        Assert.True(Wave.TryParse(text, out var read));
        Assert.Equal(wave, read);
        Assert.DoesNotContain(" K", wave.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2027 kv. 2")]
    [InlineData("2027 kv 2")]
    [InlineData("2027 kvartal 2")]
    [InlineData("2027 K2")]
    [InlineData("2027 Q2")]
    [InlineData("2027-2")]
    public void TryParse_EverySpellingOfAQuarter_SameWave(string text)
    {
        Assert.True(Wave.TryParse(text, out var wave));
        Assert.Equal(new Wave(2027, 2), wave);
    }

    [Theory]
    [InlineData("")]
    [InlineData("kv. 2")]
    [InlineData("2027 kv. x")]
    [InlineData("tjugo")]
    public void TryParse_Unreadable_False(string text) => Assert.False(Wave.TryParse(text, out _));

    [Fact]
    public void TryParseList_AsTheScenarioPageShowsThem()
    {
        Assert.True(Wave.TryParseList("2027 kv. 2, 2028", out var waves));
        Assert.Equal([new Wave(2027, 2), new Wave(2028)], waves);
    }
}
