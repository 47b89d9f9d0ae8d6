using Sourcing.Analyzer;
using Sourcing.Analyzer.Planning;
using Sourcing.Collector.Planning;

namespace Sourcing.Tests.Collector.Planning;

public sealed class ScenarioJsonTests
{
    internal static Scenario Full() => DemoScenarios.Create()[1] with
    {
        HandMoves = [new HandMove { SystemId = 42, Destination = Destination.Saas, Wave = new Wave(2028, 2), Method = TransitionMethod.Replatform, Contract = "E-tjänster" }],
        CloudPrices = CloudPriceTable.Default with { AsOf = new DateOnly(2026, 3, 1), Source = "Avtalspris" },
        SaasPrices = new Dictionary<long, double> { [42] = 90_000 },
        People = new PeopleInput { DriftFteToday = 31.5, DevelopmentFteToday = 12, TargetRoles = [new("Digitaliseringsstrateg", 1)] },
    };

    [Fact]
    public void Serialize_ThenDeserialize_KeepsEveryField()
    {
        var scenario = Full();

        var json = ScenarioJson.Serialize(scenario);
        var back = ScenarioJson.Deserialize(json);

        Assert.StartsWith("{\n  \"format\": \"sourcing-scenario/1\"", json.Replace("\r", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(json, ScenarioJson.Serialize(back));
        Assert.Equal(scenario.Name, back.Name);
        Assert.Equal(80, back.Parameters[ParameterKeys.CloudPriceFactor]);
        Assert.Equal(new Wave(2027, 3), back.Rules[0].Waves[1]);
        Assert.Equal(1, back.Rules[0].Filter.MaxConfidentiality);
        var hand = Assert.Single(back.HandMoves);
        Assert.Equal(Destination.Saas, hand.Destination);
        Assert.Equal(TransitionMethod.Replatform, hand.Method);
        Assert.Equal(new DateOnly(2026, 3, 1), back.CloudPrices!.AsOf);
        Assert.Equal(CloudPriceTable.Default.Rows.Count, back.CloudPrices.Rows.Count);
        Assert.Equal(90_000, back.SaasPrices[42]);
        Assert.Equal(31.5, back.People.DriftFteToday);
        Assert.Contains("\"destination\": \"PublicCloud\"", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"name\": \"x\", \"startYear\": 2026, \"horizonYears\": 5}")]
    [InlineData("{\"format\": \"sourcing-scenario/1\", \"name\": \"x\", \"startYear\": 2026, \"horizonYears\": 20}")]
    [InlineData("{\"format\": \"sourcing-scenario/1\", \"name\": \"x\", \"startYear\": 2026, \"horizonYears\": 5, \"parameters\": {\"okand\": 1}}")]
    [InlineData("{\"format\": \"sourcing-scenario/1\", \"startYear\": 2026, \"horizonYears\": 5}")]
    public void Deserialize_BadFile_ThrowsFormatException(string json)
    {
        Assert.Throws<ScenarioFormatException>(() => ScenarioJson.Deserialize(json));
    }
}
