using Sourcing.Analyzer;
using Sourcing.Analyzer.Assessment;
using Sourcing.Analyzer.Workloads;

namespace Sourcing.Tests.Analyzer.Assessment;

public sealed class HostingGateTests
{
    private static readonly Destination[] Hosting = [Destination.InHouse, Destination.SwedishManaged, Destination.PublicCloud, Destination.Saas];

    [Fact]
    public void Evaluate_K1WithoutPersonalData_AllowsEveryHostingDestination()
    {
        var gate = HostingGate.Evaluate(TestWorkloads.Complete(k: 1), GateRuleSet.Default);

        Assert.All(Hosting, d => Assert.Equal(GateVerdict.Allowed, gate.For(d).Verdict));
        Assert.All(Hosting, d => Assert.Null(gate.For(d).DecidingRuleId));
    }

    [Fact]
    public void Evaluate_K4_BlocksAllButInHouse()
    {
        var gate = HostingGate.Evaluate(TestWorkloads.Complete(k: 4), GateRuleSet.Default);

        Assert.Equal(GateVerdict.Allowed, gate.For(Destination.InHouse).Verdict);
        Assert.True(gate.For(Destination.InHouse).ScorePoints > 0, "in-house is required, so it is preferred in the score");
        foreach (var d in new[] { Destination.SwedishManaged, Destination.PublicCloud, Destination.Saas })
        {
            Assert.Equal(GateVerdict.Blocked, gate.For(d).Verdict);
            Assert.Contains("säkerhetsskydd", gate.For(d).DecidingRuleText, StringComparison.Ordinal);
        }

        // Outside the EU the law blocks; a Swedish provider is blocked only by the region's policy
        // (säkerhetsskyddslagen allows outsourcing with a säkerhetsskyddsavtal).
        Assert.Equal("K4", gate.For(Destination.PublicCloud).DecidingRuleId);
        Assert.Equal(RuleBasis.Law, gate.For(Destination.PublicCloud).DecidingRuleBasis);
        Assert.Equal("K4-POLICY", gate.For(Destination.SwedishManaged).DecidingRuleId);
        Assert.Equal(RuleBasis.Policy, gate.For(Destination.SwedishManaged).DecidingRuleBasis);
    }

    [Fact]
    public void Evaluate_SecurityClassifiedAtLowK_BlocksAllButInHouse()
    {
        var workload = TestWorkloads.Complete(k: 1) with { SecurityClassified = true };

        var gate = HostingGate.Evaluate(workload, GateRuleSet.Default);

        Assert.Equal(GateVerdict.Allowed, gate.For(Destination.InHouse).Verdict);
        Assert.Equal(GateVerdict.Blocked, gate.For(Destination.SwedishManaged).Verdict);
        Assert.Equal("K4", gate.For(Destination.PublicCloud).DecidingRuleId);
    }

    [Theory]
    [InlineData(PersonalDataCategory.PatientHealth)]
    [InlineData(PersonalDataCategory.Sensitive)]
    public void Evaluate_PatientOrSensitiveDataAtK1_BlocksUsCloudAndSaasByDefault(PersonalDataCategory category)
    {
        var workload = TestWorkloads.Complete(k: 1) with { PersonalData = category };

        var gate = HostingGate.Evaluate(workload, GateRuleSet.Default);

        Assert.Equal(GateVerdict.Blocked, gate.For(Destination.PublicCloud).Verdict);
        Assert.Equal(GateVerdict.Blocked, gate.For(Destination.Saas).Verdict);
        Assert.Equal("K3-POLICY", gate.For(Destination.PublicCloud).DecidingRuleId);
        Assert.Equal(RuleBasis.Policy, gate.For(Destination.PublicCloud).DecidingRuleBasis);
        Assert.Equal(GateVerdict.Conditional, gate.For(Destination.SwedishManaged).Verdict);
        Assert.Equal(RuleBasis.Law, gate.For(Destination.SwedishManaged).DecidingRuleBasis);
        Assert.Contains(gate.For(Destination.SwedishManaged).Conditions, c => c.Contains("Svensk jurisdiktion", StringComparison.Ordinal));
        Assert.Equal(GateVerdict.Allowed, gate.For(Destination.InHouse).Verdict);
    }

    [Fact]
    public void Evaluate_K2_UsCloudConditionalWithConditionsNamed()
    {
        var gate = HostingGate.Evaluate(TestWorkloads.Complete(k: 2), GateRuleSet.Default);

        var cloud = gate.For(Destination.PublicCloud);
        Assert.Equal(GateVerdict.Conditional, cloud.Verdict);
        Assert.Equal("K2", cloud.DecidingRuleId);
        var condition = Assert.Single(cloud.Conditions);
        Assert.Contains("lämplighetsbedömning", condition, StringComparison.Ordinal);
        Assert.Contains("kundhållna krypteringsnycklar", condition, StringComparison.Ordinal);
        Assert.Equal(GateVerdict.Conditional, gate.For(Destination.Saas).Verdict);
        Assert.Equal(GateVerdict.Allowed, gate.For(Destination.SwedishManaged).Verdict);
    }

    [Theory]
    [InlineData(3, false, false)]
    [InlineData(1, true, false)]
    [InlineData(1, false, true)]
    public void Evaluate_T3MedicalOrOffline_PenalisesUsCloudWithoutBlocking(int t, bool medical, bool offline)
    {
        var workload = TestWorkloads.Complete(k: 1) with { Availability = t, MedicalDeviceDependency = medical, RequiresOffline = offline };

        var gate = HostingGate.Evaluate(workload, GateRuleSet.Default);

        Assert.Equal(GateVerdict.Allowed, gate.For(Destination.PublicCloud).Verdict);
        Assert.True(gate.For(Destination.PublicCloud).ScorePoints < 0);
        Assert.Contains(gate.For(Destination.PublicCloud).Findings, f => f.RuleId == "T3" && f.Effect == GateEffect.Penalty);
        Assert.Equal(GateVerdict.Conditional, gate.For(Destination.SwedishManaged).Verdict);
        Assert.Contains(gate.For(Destination.SwedishManaged).Conditions, c => c.Contains("Lokal redundans", StringComparison.Ordinal));
        Assert.True(gate.For(Destination.InHouse).ScorePoints > 0);
    }

    [Fact]
    public void Evaluate_MissingClassification_TreatedAsK3AndFlagged()
    {
        var workload = TestWorkloads.Complete() with { Confidentiality = null, PersonalData = PersonalDataCategory.Unknown };

        var gate = HostingGate.Evaluate(workload, GateRuleSet.Default);

        Assert.True(gate.Facts.ClassificationMissing);
        Assert.Equal(3, gate.Facts.Confidentiality);
        Assert.Equal(GateVerdict.Blocked, gate.For(Destination.PublicCloud).Verdict);
        Assert.Equal(GateVerdict.Blocked, gate.For(Destination.Saas).Verdict);
        Assert.Contains(FieldNames.Confidentiality, gate.Facts.MissingFields);
        Assert.Contains(FieldNames.PersonalData, gate.Facts.MissingFields);
        Assert.Contains(gate.Facts.Assumptions, a => a.Contains("K3", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(LifecycleState.InUse, GateVerdict.Conditional)]
    [InlineData(LifecycleState.BeingReplaced, GateVerdict.Allowed)]
    [InlineData(LifecycleState.ToBeRetired, GateVerdict.Allowed)]
    public void Evaluate_Retire_DependsOnLifecycleOnly(LifecycleState lifecycle, GateVerdict expected)
    {
        var workload = TestWorkloads.Complete(k: 4) with { Lifecycle = lifecycle };

        var gate = HostingGate.Evaluate(workload, GateRuleSet.Default);

        Assert.Equal(expected, gate.For(Destination.Retire).Verdict);
    }

    [Fact]
    public void Evaluate_RegionEditedRuleFromJson_TakesEffect()
    {
        // The region's lawyers decide K2 may not go to SaaS at all, and allow K3 in Swedish
        // managed hosting without conditions: they edit the JSON, not the code.
        var json = GateRuleSet.Default.ToJson(indented: true);
        var edited = GateRuleSet.FromJson(json);
        edited = edited with
        {
            Version = 2,
            Rules = edited.Rules.Select(r => r.Id switch
            {
                "K2" => r with
                {
                    Effects = r.Effects.Select(e => e.Destination == Destination.Saas ? e with { Effect = GateEffect.Blocked, ConditionText = "Regionen tillåter inte SaaS för K2." } : e).ToList(),
                },
                "K3" => r with { Effects = r.Effects.Where(e => e.Destination != Destination.SwedishManaged).ToList() },
                _ => r,
            }).ToList(),
        };
        var reloaded = GateRuleSet.FromJson(edited.ToJson());

        var k2 = HostingGate.Evaluate(TestWorkloads.Complete(k: 2), reloaded);
        var k3 = HostingGate.Evaluate(TestWorkloads.Complete(k: 3), reloaded);

        Assert.Equal(2, k2.RuleSetVersion);
        Assert.Equal(GateVerdict.Blocked, k2.For(Destination.Saas).Verdict);
        Assert.Equal("Regionen tillåter inte SaaS för K2.", k2.For(Destination.Saas).Findings.Single().ConditionText);
        Assert.Equal(GateVerdict.Conditional, k2.For(Destination.PublicCloud).Verdict);
        Assert.Equal(GateVerdict.Allowed, k3.For(Destination.SwedishManaged).Verdict);
        Assert.Equal(GateVerdict.Conditional, HostingGate.Evaluate(TestWorkloads.Complete(k: 3), GateRuleSet.Default).For(Destination.SwedishManaged).Verdict);
    }

    [Fact]
    public void RuleSet_JsonRoundTrip_KeepsEveryRuleAndUsesEnumNames()
    {
        var json = GateRuleSet.Default.ToJson();

        var back = GateRuleSet.FromJson(json);

        Assert.Equal(json, back.ToJson());
        Assert.Equal(GateRuleSet.Default.Rules.Select(r => r.Id), back.Rules.Select(r => r.Id));
        Assert.Contains("\"Blocked\"", json, StringComparison.Ordinal);
        Assert.Contains("säkerhetsskydd", json, StringComparison.Ordinal);
        Assert.All(back.Rules, r => Assert.False(string.IsNullOrWhiteSpace(r.Source)));
    }

    [Fact]
    public void RuleSet_FromJsonWithDuplicateIds_Throws()
    {
        var set = GateRuleSet.Default with { Rules = [.. GateRuleSet.Default.Rules, GateRuleSet.Default.Rules[0]] };

        Assert.Throws<System.Text.Json.JsonException>(() => GateRuleSet.FromJson(set.ToJson()));
    }
}
