using Sourcing.Tests.Simulators.VCenter;

namespace Sourcing.Tests.Simulators;

public sealed class DemoDataTests
{
    [Fact]
    public void Write_RegisterAndDecisions_CoverTheSimulatedSystems()
    {
        var dir = Directory.CreateTempSubdirectory("demo-data-").FullName;

        DemoData.Write(dir);

        var register = File.ReadAllLines(Path.Combine(dir, "objektregister.csv"));
        var decisions = File.ReadAllLines(Path.Combine(dir, "beslut.csv"));
        Assert.Equal(VCenterEstateGenerator.Systems.Count + 1, register.Length);
        Assert.True(decisions.Length > 30, "the model needs at least 30 decisions to learn from");
        // Some systems are left unclassified on purpose, so the demo shows "underlag saknas".
        Assert.Contains(register.Skip(1), line => line.Split(';')[5] == "");
        // A reason with the separator in it is quoted, so "Beslutad av" stays a person's role.
        Assert.Contains(decisions, line => line.Contains("\"Patient- eller känsliga uppgifter; ingen leverantör godkänd ännu\"", StringComparison.Ordinal));
    }
}
