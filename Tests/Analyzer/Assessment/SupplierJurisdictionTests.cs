using Sourcing.Analyzer;
using Sourcing.Analyzer.Assessment;
using Sourcing.Analyzer.Workloads;

namespace Sourcing.Tests.Analyzer.Assessment;

/// <summary>The gate reads jurisdiction from the supplier register, not from the destination type.</summary>
public sealed class SupplierJurisdictionTests
{
    private static readonly Supplier SwedishSaas = new() { Id = 1, Name = "Journalbolaget AB", OwnerCountry = "SE", DataLocation = "Sverige" };

    private static readonly Supplier UsSaas = new() { Id = 2, Name = "Cloudcare Inc", OwnerCountry = "US" };

    private static readonly Supplier SwedishSubsidiaryOfUs = new()
    {
        Id = 3, Name = "Drift Sverige AB", OwnerCountry = "SE", UltimateParent = "Hyperscale Corp", ParentCountry = "US",
        DefaultFor = Destination.SwedishManaged,
    };

    private static Workload PatientSystem(string? vendor) =>
        TestWorkloads.Complete(k: 3) with { PersonalData = PersonalDataCategory.PatientHealth, Vendor = vendor };

    [Fact]
    public void Evaluate_K3SaasFromSwedishSupplier_IsConditionalByLawNotBlocked()
    {
        var register = new SupplierRegister([SwedishSaas, UsSaas]);

        var gate = HostingGate.Evaluate(PatientSystem("Journalbolaget AB"), GateRuleSet.Default, register);

        var saas = gate.For(Destination.Saas);
        Assert.Equal(GateVerdict.Conditional, saas.Verdict);
        Assert.Equal("K3", saas.DecidingRuleId);
        Assert.Equal(RuleBasis.Law, saas.DecidingRuleBasis);
        Assert.Equal("Journalbolaget AB", gate.Facts.Suppliers[(int)Destination.Saas].SupplierName);
        Assert.Equal(Jurisdiction.Eu, gate.Facts.JurisdictionOf(Destination.Saas));
    }

    [Fact]
    public void Evaluate_K3SaasFromUsSupplier_IsBlockedByPolicy()
    {
        var register = new SupplierRegister([SwedishSaas, UsSaas]);

        var gate = HostingGate.Evaluate(PatientSystem("Cloudcare Inc"), GateRuleSet.Default, register);

        Assert.Equal(GateVerdict.Blocked, gate.For(Destination.Saas).Verdict);
        Assert.Equal("K3-POLICY", gate.For(Destination.Saas).DecidingRuleId);
        Assert.Equal(RuleBasis.Policy, gate.For(Destination.Saas).DecidingRuleBasis);
    }

    [Fact]
    public void Evaluate_UnregisteredSaasVendor_IsAssumedOutsideTheEu()
    {
        var gate = HostingGate.Evaluate(PatientSystem("Okänd leverantör"), GateRuleSet.Default, new SupplierRegister([SwedishSaas]));

        Assert.Equal(GateVerdict.Blocked, gate.For(Destination.Saas).Verdict);
        Assert.True(gate.Facts.Suppliers[(int)Destination.Saas].Assumed);
    }

    [Fact]
    public void Evaluate_SwedishSubsidiaryOfUsGroup_CountsAsOutsideTheEu()
    {
        var register = new SupplierRegister([SwedishSubsidiaryOfUs]);

        var gate = HostingGate.Evaluate(PatientSystem(null), GateRuleSet.Default, register);

        Assert.Equal(Jurisdiction.NonEu, SwedishSubsidiaryOfUs.Jurisdiction);
        Assert.Equal(GateVerdict.Blocked, gate.For(Destination.SwedishManaged).Verdict);
        Assert.Equal("K3-POLICY", gate.For(Destination.SwedishManaged).DecidingRuleId);
        // Without the register the same destination is a Swedish provider: conditional.
        Assert.Equal(GateVerdict.Conditional, HostingGate.Evaluate(PatientSystem(null), GateRuleSet.Default).For(Destination.SwedishManaged).Verdict);
    }

    [Fact]
    public void GateEvaluator_SharesVerdictsPerJurisdiction_SameAsHostingGate()
    {
        var register = new SupplierRegister([SwedishSaas, UsSaas]);
        var evaluator = new GateEvaluator(GateRuleSet.Default, register);
        foreach (var vendor in new[] { "Journalbolaget AB", "Cloudcare Inc", null, "Journalbolaget AB" })
        {
            var shared = evaluator.Evaluate(PatientSystem(vendor));
            var alone = HostingGate.Evaluate(PatientSystem(vendor), GateRuleSet.Default, register);
            Assert.Equal(alone.For(Destination.Saas).Verdict, shared.For(Destination.Saas).Verdict);
            Assert.Equal(alone.For(Destination.Saas).DecidingRuleId, shared.For(Destination.Saas).DecidingRuleId);
        }
    }

    /// <summary>
    /// Säkerhetsskyddsavtal moved from 2 kap. 6 § to 4 kap. 1 § on 1 December 2021 (prop. 2020/21:194);
    /// the law rule cites the current paragraph, says where it used to be, and asks a lawyer to confirm.
    /// </summary>
    [Fact]
    public void Default_K4LawRule_CitesCurrentParagraphAndAsksLawyerToConfirm()
    {
        var k4 = GateRuleSet.Default.Rules.Single(r => r.Id == "K4");

        Assert.Equal(RuleBasis.Law, k4.Basis);
        Assert.StartsWith("4 kap. 1 § säkerhetsskyddslagen (2018:585)", k4.LawReference, StringComparison.Ordinal);
        Assert.Contains("2 kap. 6 §", k4.Source, StringComparison.Ordinal);
        Assert.Contains("jurist bör bekräfta", k4.Source, StringComparison.Ordinal);
        Assert.DoesNotContain("lagen.nu", k4.SourceUrl, StringComparison.Ordinal); // lagen.nu shows the 2019 text
    }

    [Fact]
    public void Default_EveryRuleLabelled_LawRulesNameTheParagraph_K3CloudAndK4ProviderArePolicy()
    {
        var rules = GateRuleSet.Default;

        Assert.Empty(rules.Problems());
        Assert.All(rules.Rules.Where(r => r.Basis == RuleBasis.Law), r => Assert.Contains("§", r.LawReference, StringComparison.Ordinal));
        Assert.All(rules.Rules, r => Assert.StartsWith("https://", r.SourceUrl ?? "https://", StringComparison.Ordinal));
        var k3Policy = rules.Rules.Single(r => r.Id == "K3-POLICY");
        Assert.Equal(RuleBasis.Policy, k3Policy.Basis);
        Assert.Contains(k3Policy.Effects, e => e.Destination == Destination.PublicCloud && e.Effect == GateEffect.Blocked);
        var k4Policy = rules.Rules.Single(r => r.Id == "K4-POLICY");
        Assert.Equal(RuleBasis.Policy, k4Policy.Basis);
        Assert.Contains(k4Policy.Effects, e => e.Destination == Destination.SwedishManaged && e.Effect == GateEffect.Blocked);
        // No rule blocks a Swedish provider by law.
        Assert.DoesNotContain(rules.Rules.Where(r => r.Basis == RuleBasis.Law).SelectMany(r => r.Effects),
            e => e.Destination == Destination.SwedishManaged && e.Effect == GateEffect.Blocked && e.Jurisdiction != Jurisdiction.NonEu);
    }

    [Fact]
    public void Preview_RuleChange_ListsOnlySystemsWhoseVerdictChanges()
    {
        var workloads = new[]
        {
            TestWorkloads.Complete(1, k: 1),
            PatientSystem(null) with { Id = 2, Name = "Journal" },
            TestWorkloads.Complete(3, k: 2),
        };
        var relaxed = GateRuleSet.Default with
        {
            Rules = [.. GateRuleSet.Default.Rules.Where(r => r.Id != "K3-POLICY")],
        };
        var today = new DateOnly(2026, 3, 1);

        var preview = AssessmentPreview.Compare(
            new AssessmentInput { Workloads = workloads, Today = today },
            new AssessmentInput { Workloads = workloads, Today = today, Rules = relaxed });

        var change = Assert.Single(preview.Changes, c => c.Verdicts.Count > 0);
        Assert.Equal(2, change.WorkloadId);
        Assert.Contains(change.Verdicts, v => v.Destination == Destination.PublicCloud && v.Before == GateVerdict.Blocked && v.After == GateVerdict.Conditional);
        Assert.Equal(1, preview.PerDestination.Single(d => d.Destination == Destination.PublicCloud).VerdictChanges);
        Assert.Equal(0, preview.PerDestination.Single(d => d.Destination == Destination.SwedishManaged).VerdictChanges);
    }
}
