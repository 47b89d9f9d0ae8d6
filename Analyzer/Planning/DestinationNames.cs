namespace Sourcing.Analyzer.Planning;

/// <summary>Swedish names of the destinations for messages and exports.</summary>
public static class DestinationNames
{
    public static string Swedish(Destination destination) => destination switch
    {
        Destination.InHouse => "egen regi",
        Destination.SwedishManaged => "svensk driftleverantör",
        Destination.PublicCloud => "publikt moln",
        Destination.Saas => "SaaS",
        Destination.Retire => "avveckling",
        _ => destination.ToString(),
    };

    /// <summary>Without a contract label, all moves to one destination form one contract.</summary>
    public static string DefaultContract(Destination destination) => destination switch
    {
        Destination.SwedishManaged => "Driftavtal",
        Destination.PublicCloud => "Molnavtal",
        Destination.Saas => "SaaS-avtal",
        _ => DestinationNames.Swedish(destination),
    };
}
