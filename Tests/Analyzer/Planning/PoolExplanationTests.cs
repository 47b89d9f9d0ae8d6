using Sourcing.Analyzer.Planning;

namespace Sourcing.Tests.Analyzer.Planning;

/// <summary>A cost pool's difference is never shown as "0,0 mkr" when there is one (the backup pool differed by 40 000 kr).</summary>
public sealed class PoolExplanationTests
{
    [Theory]
    [InlineData(1_300_000, "1,3 mkr")]
    [InlineData(100_000, "0,1 mkr")]
    [InlineData(40_400, "40\u00a0000 kr")]
    [InlineData(-40_600, "-41\u00a0000 kr")]
    [InlineData(0, "0 kr")]
    public void Amount_BelowATenthOfAMillion_InKronor(double sek, string expected) =>
        Assert.Equal(expected, PoolExplanation.Amount(sek).Replace('\u2212', '-'));
}
