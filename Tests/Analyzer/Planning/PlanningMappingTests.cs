using Sourcing.Analyzer.Planning;

namespace Sourcing.Tests.Analyzer.Planning;

/// <summary>How a deciding gate rule is named beside a conditional or blocked move (the decision page's "villkorat: …").</summary>
public sealed class PlanningMappingTests
{
    [Theory]
    [InlineData("T3", "T3–T4, beroende av medicinteknisk utrustning", "T3–T4, beroende av medicinteknisk utrustning")]
    [InlineData("K3", "K3, patient- och hälsodata (25 kap. 1 § OSL)", "K3, patient- och hälsodata (25 kap. 1 § OSL)")]
    [InlineData("K3-POLICY", "Patientdata stannar i egen regi", "K3-POLICY: Patientdata stannar i egen regi")]
    [InlineData("R2", "", "R2")]
    [InlineData(null, "text utan regel", "")]
    public void RuleText_NamesTheRuleOnce(string? id, string? text, string expected) =>
        Assert.Equal(expected, PlanningMapping.RuleText(id, text));
}
