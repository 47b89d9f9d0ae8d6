using Sourcing.Analyzer.Assessment;
using Sourcing.Analyzer.Workloads;

namespace Sourcing.Tests.Analyzer.Assessment;

public sealed class DriftEffortModelTests
{
    private static readonly DateOnly Today = new(2026, 3, 1);

    [Fact]
    public void Estimate_SixtyVms_IsOneFte()
    {
        var workload = TestWorkloads.Complete() with { Resources = TestWorkloads.Vms(1, 60) };

        var effort = DriftEffortModel.Estimate(workload, EffortParameters.Default);

        Assert.Equal(60, effort.VmCount);
        Assert.Equal(1600, effort.ModelHours, 6);
    }

    [Fact]
    public void Estimate_PhysicalHosts_UseServersPerFte()
    {
        var workload = TestWorkloads.Complete() with { Resources = [TestWorkloads.Host(1), TestWorkloads.Host(2), TestWorkloads.Host(3)] };

        var effort = DriftEffortModel.Estimate(workload, EffortParameters.Default);

        Assert.Equal(3, effort.PhysicalHostCount);
        Assert.Equal(3 * 1600 / 15.0, effort.ModelHours, 6);
    }

    [Fact]
    public void Estimate_TwentyFourSevenMixedAndUnsupportedOs_AppliesEachMultiplier()
    {
        var resources = TestWorkloads.Vms(1, 2, "2022").Concat(TestWorkloads.Vms(2, 1, "2008", SupportStatus.Unsupported)).ToList();
        var workload = TestWorkloads.Complete() with { AvailabilityNeed = AvailabilityNeed.TwentyFourSeven, Resources = resources };

        var effort = DriftEffortModel.Estimate(workload, EffortParameters.Default);

        Assert.Equal(1.3 * 1.2 * 1.2, effort.Multiplier, 9);
        Assert.Equal(3 * (1600 / 60.0) * 1.3 * 1.2 * 1.2, effort.ModelHours, 6);
        Assert.Equal(["effort-24x7", "effort-heterogeneous", "effort-unsupported-os"], effort.Multipliers.Select(m => m.FactorId));
    }

    [Fact]
    public void Defaults_EachHaveASource()
    {
        foreach (var name in new[] { "VmsPerFte", "PhysicalServersPerFte", "ProductiveHoursPerFte", "TwentyFourSevenMultiplier", "HeterogeneityMultiplier", "MedicalDeviceMultiplier" })
        {
            Assert.False(string.IsNullOrWhiteSpace(EffortParameters.Sources[name]), name);
        }
    }

    [Fact]
    public void Assess_StatedFte_CalibratesTotalAndReturnsFactor()
    {
        var workloads = new[]
        {
            TestWorkloads.Complete(1) with { Resources = TestWorkloads.Vms(1, 30) },
            TestWorkloads.Complete(2) with { Resources = TestWorkloads.Vms(2, 10) },
            TestWorkloads.Complete(3) with { Resources = [TestWorkloads.Host(7)] },
        };
        var parameters = EffortParameters.Default with { StatedDriftFte = 3 };

        var report = Assessor.Assess(new AssessmentInput { Workloads = workloads, Today = Today, Effort = parameters });

        var modelHours = (40 * 1600 / 60.0) + (1600 / 15.0);
        Assert.Equal(3 * 1600, report.Workloads.Sum(w => w.DriftHours), 6);
        Assert.Equal(3 * 1600 / modelHours, report.Calibration.Factor, 9);
        Assert.Equal(modelHours, report.Calibration.ModelHours, 6);
        // Proportions stay: the 30-VM system keeps three times the 10-VM system's hours.
        Assert.Equal(3, report.Workloads[0].DriftHours / report.Workloads[1].DriftHours, 9);
    }

    [Fact]
    public void Assess_NoStatedFte_FactorIsOne()
    {
        var report = Assessor.Assess(new AssessmentInput { Workloads = [TestWorkloads.Complete()], Today = Today });

        Assert.Equal(1.0, report.Calibration.Factor);
        Assert.Equal(report.Workloads[0].Effort.ModelHours, report.Workloads[0].DriftHours);
    }

    [Fact]
    public void Parameters_JsonRoundTrip()
    {
        var parameters = EffortParameters.Default with { VmsPerFte = 80, StatedDriftFte = 12.5 };

        var back = EffortParameters.FromJson(parameters.ToJson());

        Assert.Equal(parameters, back);
        Assert.Equal(ScoringWeights.Default with { Integrations = 3 }, ScoringWeights.FromJson((ScoringWeights.Default with { Integrations = 3 }).ToJson()));
    }
}
