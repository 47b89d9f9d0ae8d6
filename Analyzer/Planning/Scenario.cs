using System.Text.Json.Serialization;

namespace Sourcing.Analyzer.Planning;

/// <summary>
/// A plan a sourcing manager builds: which systems move where and when, and the assumptions that
/// differ from the defaults. Rules are applied in order (the first rule that picks a system wins);
/// hand moves win over rules.
/// </summary>
public sealed record Scenario
{
    public const int MinHorizon = 3;
    public const int MaxHorizon = 10;

    public required string Name { get; init; }
    public string Owner { get; init; } = "";
    public string Description { get; init; } = "";
    public required int StartYear { get; init; }
    public required int HorizonYears { get; init; }
    /// <summary>Parameter overrides by key (see <see cref="ParameterKeys"/>); values as shown, 52 for 52 %.</summary>
    public IReadOnlyDictionary<string, double> Parameters { get; init; } = new Dictionary<string, double>();
    public IReadOnlyList<MoveRule> Rules { get; init; } = [];
    public IReadOnlyList<HandMove> HandMoves { get; init; } = [];
    /// <summary>Null: the latest price table in the store, else <see cref="CloudPriceTable.Default"/>.</summary>
    public CloudPriceTable? CloudPrices { get; init; }
    /// <summary>Known SaaS prices by system id, SEK per year; win over the system's own figure.</summary>
    public IReadOnlyDictionary<long, double> SaasPrices { get; init; } = new Dictionary<long, double>();
    public PeopleInput People { get; init; } = new();

    [JsonIgnore]
    public int EndYear => StartYear + HorizonYears - 1;
}
