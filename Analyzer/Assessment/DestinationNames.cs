namespace Sourcing.Analyzer.Assessment;

/// <summary>Swedish names of the destinations, as pages and reasons show them.</summary>
public static class DestinationNames
{
    public static string Swedish(Destination destination) => destination switch
    {
        Destination.InHouse => "Egen drift",
        Destination.SwedishManaged => "Svensk/EU-ägd driftleverantör",
        Destination.PublicCloud => "Publikt moln (USA-ägt)",
        Destination.Saas => "SaaS-tjänst",
        Destination.Retire => "Avveckla",
        _ => destination.ToString(),
    };

    /// <summary>The name in the middle of a sentence.</summary>
    public static string SwedishLower(Destination destination) => destination switch
    {
        Destination.InHouse => "egen drift",
        Destination.SwedishManaged => "svensk/EU-ägd driftleverantör",
        Destination.PublicCloud => "publikt moln (USA-ägt)",
        Destination.Saas => "SaaS-tjänst",
        Destination.Retire => "avveckla",
        _ => destination.ToString(),
    };

    /// <summary>Reads a destination by its code name (InHouse, …) or its Swedish name, ignoring case.</summary>
    public static bool TryParse(string text, out Destination destination)
    {
        var trimmed = text.Trim();
        foreach (var candidate in Enum.GetValues<Destination>())
        {
            if (string.Equals(trimmed, candidate.ToString(), StringComparison.OrdinalIgnoreCase)
                || string.Equals(trimmed, Swedish(candidate), StringComparison.OrdinalIgnoreCase))
            {
                destination = candidate;
                return true;
            }
        }

        destination = default;
        return false;
    }
}
