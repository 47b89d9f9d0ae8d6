namespace Sourcing.Analyzer;

/// <summary>
/// The one home of the destinations' Swedish names, for analyzer messages, exports and pages
/// (the Swedish resource file's Dest.* entries must say the same; a test checks it). In-house is
/// "egen regi", the glossary's word. A destination names its type only: whose law a supplier
/// answers to comes from the supplier register and is shown beside it.
/// </summary>
public static class DestinationNames
{
    public static string Swedish(Destination destination) => destination switch
    {
        Destination.InHouse => "Egen regi",
        Destination.SwedishManaged => "Driftpartner",
        Destination.PublicCloud => "Publikt moln",
        Destination.Saas => "SaaS",
        Destination.Retire => "Avveckling",
        _ => destination.ToString(),
    };

    /// <summary>The name in the middle of a sentence.</summary>
    public static string SwedishLower(Destination destination) => destination switch
    {
        Destination.Saas => "SaaS",
        _ => Swedish(destination).ToLowerInvariant(),
    };

    /// <summary>Without a contract label, all moves to one destination form one contract.</summary>
    public static string DefaultContract(Destination destination) => destination switch
    {
        Destination.SwedishManaged => "Driftavtal",
        Destination.PublicCloud => "Molnavtal",
        Destination.Saas => "SaaS-avtal",
        _ => Swedish(destination),
    };

    // Names earlier versions wrote into decision files and exports; still read.
    private static readonly (string Name, Destination Destination)[] FormerNames =
    [
        ("Egen drift", Destination.InHouse),
        ("Svensk/EU-ägd driftleverantör", Destination.SwedishManaged),
        ("Svensk driftleverantör", Destination.SwedishManaged),
        ("Publikt moln (USA-ägt)", Destination.PublicCloud),
        ("SaaS-tjänst", Destination.Saas),
        ("Avveckla", Destination.Retire),
    ];

    /// <summary>Reads a destination by its code name (InHouse, …), its Swedish name or a former Swedish name, ignoring case.</summary>
    public static bool TryParse(string text, out Destination destination)
    {
        ArgumentNullException.ThrowIfNull(text);
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

        foreach (var (name, former) in FormerNames)
        {
            if (string.Equals(trimmed, name, StringComparison.OrdinalIgnoreCase))
            {
                destination = former;
                return true;
            }
        }

        destination = default;
        return false;
    }
}
