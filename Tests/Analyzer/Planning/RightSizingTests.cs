using Sourcing.Analyzer;
using Sourcing.Analyzer.Assessment;
using Sourcing.Analyzer.Planning;
using Sourcing.Analyzer.Workloads;
using static Sourcing.Tests.Analyzer.Planning.PlanningTestData;

namespace Sourcing.Tests.Analyzer.Planning;

public sealed class RightSizingTests
{
    // Default price table, Linux (730 h × 10 kr/USD): D8s_v5 (8 vCPU, 32 GiB) 0.384 $/h → 2 803 kr/mån;
    // E4s_v5 (4 vCPU, 32 GiB) 0.252 $/h → 1 840 kr/mån; D4s_v5 (4, 16) 1 387 kr/mån.
    private const double D8s = 2_803;
    private const double E4s = 1_840;

    private static PlanningSystem OneVm(PlanningVm vm) => Sys(1, "Ekonomi", 800) with { Vms = [vm], VmCount = 1 };

    private static PlanningVm Vm(double? cpu, double? memory, int? days) => new()
    {
        Name = "eko-app01", Os = "Ubuntu Linux (64-bit)", VCpu = 8, MemoryGib = 32, StorageGib = 0,
        CpuP95 = cpu, MemoryP95 = memory, UtilisationDays = days,
    };

    private static Scenario ToCloud(double? headroom = null) => new()
    {
        Name = "Moln",
        StartYear = 2026,
        HorizonYears = 3,
        Parameters = headroom is { } h
            ? new Dictionary<string, double>(SimpleParameters()) { [ParameterKeys.RightSizingHeadroom] = h }
            : SimpleParameters(),
        HandMoves = [new HandMove { SystemId = 1, Destination = Destination.PublicCloud, Wave = new Wave(2026) }],
    };

    [Fact]
    public void Size_8Vcpu32GibAtP95Of20And40PercentWithHeadroom13_Gives3Vcpu16Point64GibAndE4sPrice()
    {
        // vCPU: ⌈8 × 0.20 × 1.3⌉ = ⌈2.08⌉ = 3; memory: 32 × 0.40 × 1.3 = 16.64 GiB.
        // Smallest Linux row with ≥ 3 vCPU and ≥ 16.64 GiB: D4s_v5 has 16 GiB (too small), so E4s_v5 (4, 32) at 1 840 kr
        // instead of the configured size's D8s_v5 at 2 803 kr.
        var sized = RightSizing.Size(new VmShape(8, 32, false, 20, 40), 1.3);

        Assert.Equal(3, sized.VCpu);
        Assert.Equal(16.64, sized.MemoryGib, 9);
        Assert.Equal(E4s, CloudPriceTable.Default.MonthlyPrice(sized));
        Assert.Equal(D8s, CloudPriceTable.Default.MonthlyPrice(new VmShape(8, 32, false)));
    }

    [Fact]
    public void Forecast_MeasuredVm_PricedRightSizedAndCounted()
    {
        // One running Linux VM moves in 2026 (whole year). Cloud cost a year = 12 × (compute + backup 100 + monitoring 50);
        // the two forecasts differ only in compute: 12 × (2 803 − 1 840) = 11 556 kr a year.
        var measured = Forecaster.Run(PlanCompiler.Compile(ToCloud(), [OneVm(Vm(20, 40, 30))]));
        var configured = Forecaster.Run(PlanCompiler.Compile(ToCloud(), [OneVm(Vm(null, null, null))]));

        Assert.Equal(12 * (E4s + 150), measured.Years[1].CloudCost, 6);
        Assert.Equal(12 * (D8s - E4s), configured.Years[1].CloudCost - measured.Years[1].CloudCost, 6);
        Assert.Equal(new CloudSizing(1, 0, 1.3), measured.CloudSizing);
        Assert.Equal(new CloudSizing(0, 1, 1.3), configured.CloudSizing);
    }

    [Fact]
    public void Forecast_VmWith10Days_ConfiguredSizeAndCountedAsTooLittleData()
    {
        // 10 days < 14: the p95 of 20 %/40 % is not used; the VM is priced as D8s_v5 like an unmeasured one.
        var forecast = Forecaster.Run(PlanCompiler.Compile(ToCloud(), [OneVm(Vm(20, 40, 10))]));

        Assert.Equal(12 * (D8s + 150), forecast.Years[1].CloudCost, 6);
        Assert.Equal(new CloudSizing(0, 1, 1.3), forecast.CloudSizing);
        Assert.Equal(
            "1 server flyttar till publikt moln; ingen har tillräckligt med mätdata (minst 14 dagar), så konfigurerad storlek används.",
            forecast.CloudSizing.Sentence());
    }

    [Fact]
    public void Forecast_HeadroomChanged_RecomputedWithoutRecompile()
    {
        // Headroom 3: vCPU ⌈8 × 0.2 × 3⌉ = 5, memory 32 × 0.4 × 3 = 38.4 → capped at 32: (5, 32) needs D8s_v5 again.
        var plan = PlanCompiler.Compile(ToCloud(), [OneVm(Vm(20, 40, 30))]);
        var assumptions = PlanningAssumptions.ForScenario(plan.Scenario);

        var atDefault = Forecaster.Run(plan, assumptions, withBreakEven: false);
        var atThree = Forecaster.Run(plan, assumptions.With(ParameterKeys.RightSizingHeadroom, 3.0), withBreakEven: false);

        Assert.Equal(12 * (E4s + 150), atDefault.Years[1].CloudCost, 6);
        Assert.Equal(12 * (D8s + 150), atThree.Years[1].CloudCost, 6);
        Assert.Equal(3.0, atThree.CloudSizing.Headroom);
    }

    [Theory]
    [InlineData(0.99)]
    [InlineData(3.5)]
    [InlineData(double.NaN)]
    public void Headroom_OutsidePlausibleRange_RefusedInSwedish(double headroom)
    {
        var problem = PlanningDefaults.Problem(ParameterKeys.RightSizingHeadroom, headroom);
        var plan = PlanCompiler.Compile(ToCloud(headroom), [OneVm(Vm(20, 40, 30))]);

        Assert.NotNull(problem);
        Assert.Contains("måste vara mellan 1 och 3", problem, StringComparison.Ordinal);
        Assert.True(plan.HasErrors);
        Assert.Contains(plan.Issues, i => i.Kind == PlanIssueKind.Error && i.Message.Contains("right_sizing_headroom", StringComparison.Ordinal));
        Assert.Null(PlanningDefaults.Problem(ParameterKeys.RightSizingHeadroom, 1.0));
        Assert.Null(PlanningDefaults.Problem(ParameterKeys.RightSizingHeadroom, 3.0));
    }

    [Fact]
    public void Size_BadInputs_NullKeepsConfiguredZeroGivesOneVcpuOverHundredClampsToConfigured()
    {
        // Null CPU p95: 8 vCPU kept; memory 32 × 0.5 × 1.3 = 20.8 GiB.
        Assert.Equal(new VmShape(8, 20.8, false), Round(RightSizing.Size(new VmShape(8, 32, false, null, 50), 1.3)));
        // 0 %: at least 1 vCPU; memory 0 (the cheapest row covers it).
        Assert.Equal(new VmShape(1, 0, false), RightSizing.Size(new VmShape(8, 32, false, 0, 0), 1.3));
        // 150 % and 250 %: clamped to 100 %, then capped at the configured size (8 × 1.0 × 1.3 = 10.4 → 8).
        Assert.Equal(new VmShape(8, 32, false), RightSizing.Size(new VmShape(8, 32, false, 150, 250), 1.3));
        // Not a number: the configured size.
        Assert.Equal(new VmShape(8, 32, false), RightSizing.Size(new VmShape(8, 32, false, double.NaN, double.NaN), 1.3));
        // A whole product must not round up: 8 × 0.25 × 1.5 = 3.0 → 3 vCPU, not 4.
        Assert.Equal(3, RightSizing.Size(new VmShape(8, 32, false, 25, null), 1.5).VCpu);
        // Enough days but no percentile at all: not measured.
        Assert.False(RightSizing.HasEnough(Vm(null, null, 30)));
        Assert.True(RightSizing.HasEnough(Vm(null, 40, 14)));
        Assert.False(RightSizing.HasEnough(Vm(20, 40, 13)));
    }

    [Fact]
    public void Sentence_Counts_SwedishWithThousandsSpaceAndDecimalComma()
    {
        // 1 240 right-sized + 260 configured = 1 500 running servers moving to public cloud.
        var sentence = new CloudSizing(1_240, 260, 1.3).Sentence();

        Assert.Equal(
            "1\u00a0240 av 1\u00a0500 servrar som flyttar till publikt moln dimensioneras efter uppmätt användning (95:e percentilen × 1,3); "
            + "260 har för lite mätdata (under 14 dagar) och räknas med konfigurerad storlek.",
            sentence);
        Assert.Null(new CloudSizing(0, 0, 1.3).Sentence());
        Assert.Equal(
            "182 servrar flyttar till publikt moln; ingen har tillräckligt med mätdata (minst 14 dagar), så konfigurerad storlek används.",
            new CloudSizing(0, 182, 1.3).Sentence());
        Assert.Equal(
            "1 av 1 server som flyttar till publikt moln dimensioneras efter uppmätt användning (95:e percentilen × 1,3).",
            new CloudSizing(1, 0, 1.3).Sentence());
    }

    [Fact]
    public void OverProvisioning_FromMeasuredUse_WeightedBySizeAndOnlyVmsWithEnoughDays()
    {
        // System 1: VM a 4 vCPU/8 192 MiB at p95 CPU 25 %, memory 50 %, 30 days; VM b 4 vCPU/8 192 MiB at 75 %/50 %, 20 days;
        // VM c (10 days) is left out. CPU unused 1 − (4×0.25 + 4×0.75)/8 = 0.5; memory 1 − 0.5 = 0.5; factor (0.5 + 0.5)/2 = 0.5.
        // System 2: only a VM with 10 days: no factor. System 3: one VM at 10 % CPU, no memory p95: 0.9.
        WorkloadResource R(long id) => new(id, "vm", "vm" + id, "windows-server", "2022", SupportStatus.Supported, 4, 8_192, 50, false, false);
        var workloads = new[]
        {
            new Workload { Id = 1, Name = "A", Resources = [R(11), R(12), R(13)] },
            new Workload { Id = 2, Name = "B", Resources = [R(21)] },
            new Workload { Id = 3, Name = "C", Resources = [R(31)] },
        };
        var use = new Dictionary<long, MeasuredUse>
        {
            [11] = new(25, 50, 30),
            [12] = new(75, 50, 20),
            [13] = new(0, 0, 10),
            [21] = new(5, 5, 10),
            [31] = new(10, null, 14),
        };

        var factor = OverProvisioningEstimate.For(workloads, use);

        Assert.Equal(0.5, factor[1], 9);
        Assert.False(factor.ContainsKey(2));
        Assert.Equal(0.9, factor[3], 9);
    }

    [Fact]
    public void EstateJson_MeasuredUse_RoundTripsAndIsLeftOutWhenUnmeasured()
    {
        // The estate file carries cpuP95/memoryP95/utilisationDays only for a measured VM, so that
        // `sourcing forecast --estate FILE` right-sizes exactly as the database did.
        var estate = Estate.Of([OneVm(Vm(20, 40, 30)) with { Vms = [Vm(20, 40, 30), Vm(null, null, null) with { Name = "eko-app02" }], VmCount = 2 }]);

        var json = Sourcing.Collector.Planning.EstateJson.Serialize(estate);
        var back = Sourcing.Collector.Planning.EstateJson.Deserialize(json);

        Assert.Contains("\"cpuP95\": 20", json, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(json, "utilisationDays"));
        Assert.Equal(estate.Systems[0].Vms, back.Systems[0].Vms);
    }

    private static VmShape Round(VmShape shape) => shape with { MemoryGib = Math.Round(shape.MemoryGib, 9) };
}
