using System.Xml.Linq;
using Sourcing.Analyzer;
using Sourcing.Tests.Support;

namespace Sourcing.Tests.Analyzer;

public sealed class DestinationNamesTests
{
    private static Dictionary<string, string> SwedishResources() =>
        XDocument.Load(Path.Combine(RepoPaths.Root, "Web", "Resources", "SharedResource.resx"))
            .Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!, StringComparer.Ordinal);

    [Fact]
    public void Swedish_PagesAndAnalyzer_UseTheSameNameForEveryDestination()
    {
        var resources = SwedishResources();

        foreach (var destination in Enum.GetValues<Destination>())
        {
            Assert.Equal(DestinationNames.Swedish(destination), resources["Dest." + destination]);
            Assert.Equal(DestinationNames.Swedish(destination), resources["Rec." + destination]);
        }
    }

    [Fact]
    public void Swedish_InHouseIsTheGlossaryWordAndNoNameClaimsAnOwner()
    {
        Assert.Equal("Egen regi", DestinationNames.Swedish(Destination.InHouse));
        Assert.Equal("egen regi", DestinationNames.SwedishLower(Destination.InHouse));
        foreach (var destination in Enum.GetValues<Destination>())
        {
            // Jurisdiction belongs to the supplier register, not to the destination type.
            Assert.DoesNotContain("ägd", DestinationNames.Swedish(destination), StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("ägt", DestinationNames.Swedish(destination), StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("USA", DestinationNames.Swedish(destination), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("Driftpartner", Destination.SwedishManaged)]
    [InlineData("egen regi", Destination.InHouse)]
    [InlineData("PublicCloud", Destination.PublicCloud)]
    [InlineData("Svensk/EU-ägd driftleverantör", Destination.SwedishManaged)] // written by earlier versions
    [InlineData("Publikt moln (USA-ägt)", Destination.PublicCloud)]
    [InlineData("Egen drift", Destination.InHouse)]
    public void TryParse_CurrentAndFormerNames_AreRead(string text, Destination expected)
    {
        Assert.True(DestinationNames.TryParse(text, out var destination));
        Assert.Equal(expected, destination);
    }

    [Fact]
    public void TryParse_UnknownName_IsRefused() => Assert.False(DestinationNames.TryParse("Månen", out _));
}
