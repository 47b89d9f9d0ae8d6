using Sourcing.Analyzer;
using Sourcing.Analyzer.Lifecycle;
using Sourcing.Analyzer.Planning;
using static Sourcing.Tests.Analyzer.Planning.PlanningTestData;

namespace Sourcing.Tests.Analyzer.Planning;

/// <summary>The cost pools, worked by hand (PoolParameters: host 250 000 kr over 5 years, 32 cores,
/// virtualisation 1 000 kr/core, Windows 300 kr/core with at least 8 cores, RHEL 4 000 kr/VM, backup
/// 1 000 kr/TiB, security 1 000 kr/server, data centre 20 000 and facilities 10 000 kr/host).</summary>
public sealed class CostPoolTests
{
    private const string Windows2019 = "Microsoft Windows Server 2019 (64-bit)";
    private const string Rhel8 = "Red Hat Enterprise Linux 8 (64-bit)";

    private static readonly CloudPriceTable Prices = new()
    {
        AsOf = new DateOnly(2026, 1, 1),
        Source = "Test",
        DiskSekPerGibMonth = 1,
        BackupSekPerVmMonth = 100,
        MonitoringSekPerVmMonth = 50,
        Rows = [new("D4", 4, 16, false, 1_000), new("D4", 4, 16, true, 2_000)],
    };

    private static PlanningSystem System(long id, string name, params PlanningVm[] vms) => new()
    {
        Id = id,
        Name = name,
        DriftHoursPerYear = 800,
        VmCount = vms.Count(v => !v.Physical),
        Vms = vms,
        OsFamily = vms.Length > 0 ? vms[0].Family : OsFamily.Other,
        Confidentiality = 1,
        Recommended = Destination.PublicCloud,
        Gates = AllAllowed,
    };

    private static Scenario Move(long id, Destination destination, Wave wave, int horizon = 3, Dictionary<string, double>? parameters = null) => new()
    {
        Name = "Pooltest",
        StartYear = 2026,
        HorizonYears = horizon,
        Parameters = parameters ?? PoolParameters(),
        People = new PeopleInput { DriftFteToday = 10, DevelopmentFteToday = 0 },
        HandMoves = [new HandMove { SystemId = id, Destination = destination, Wave = wave }],
    };

    /// <summary>
    /// One Windows VM (4 vCPU, 16 GiB, 100 GiB disk, running) to cloud from 1 January 2027.
    /// Without Hybrid Benefit: Windows row 2 000 + disk 100 × 1 + backup 100 + monitoring 50 = 2 250 kr/month,
    /// 27 000 kr in 2027; the region's Windows licence (300 × max(8, 4) = 2 400 kr) stops.
    /// With Hybrid Benefit: the Linux row 1 000 + 250 = 1 250 kr/month, 15 000 kr; the licence (2 400 kr) stays.
    /// </summary>
    [Fact]
    public void Run_WindowsVmToCloud_PricedAsWindowsUnlessHybridBenefit()
    {
        var vm = new PlanningVm { Name = "app01", Os = Windows2019, VCpu = 4, MemoryGib = 16, StorageGib = 100 };
        var estate = Estate.Of([System(1, "Ekonomisystem", vm)]);

        var without = Forecaster.Run(PlanCompiler.Compile(Move(1, Destination.PublicCloud, new Wave(2027)), estate, Prices));
        var parameters = PoolParameters();
        parameters[ParameterKeys.AzureHybridBenefit] = 1;
        var with = Forecaster.Run(PlanCompiler.Compile(Move(1, Destination.PublicCloud, new Wave(2027), parameters: parameters), estate, Prices));

        Assert.Equal(OsFamily.Windows, vm.Family);
        Assert.Equal(27_000, without.Years[1].CloudCost, 6);
        Assert.Equal(2_400, without.Years[1].CostByPool["os_licences"].Baseline, 6);
        Assert.Equal(0, without.Years[1].CostByPool["os_licences"].Scenario, 6);
        Assert.Equal(15_000, with.Years[1].CloudCost, 6);
        Assert.Equal(2_400, with.Years[1].CostByPool["os_licences"].Scenario, 6);
        // The year before the move nothing differs.
        Assert.Equal(0, without.Years[0].CloudCost, 6);
    }

    /// <summary>
    /// System A (RHEL VM, 2 vCPU, 1 TiB, licence 100 000 kr/year) retired from Q3 2027 (half a year);
    /// system B (Debian VM, 2 vCPU, no disk) stays. No hosts listed: one derived host (4 vCPU / 128 per host).
    /// os_licences: 4 000 → 2027: 4 000 − ½ × 4 000 = 2 000 → 2028: 0.
    /// system_licences: 100 000 → 50 000 → 0. backup: 1 TiB × 1 000 = 1 000 → 500 → 0.
    /// security: 2 servers × 1 000 = 2 000 → 1 500 → 1 000. facilities (fixed): 1 host × 10 000 on both sides.
    /// </summary>
    [Fact]
    public void Run_RetiredSystem_VariableCostsStopAtDateFixedStay()
    {
        var a = System(1, "Gammalt", new PlanningVm { Name = "a", Os = Rhel8, VCpu = 2, StorageGib = 1024 }) with { LicenceSekPerYear = 100_000 };
        var b = System(2, "Stannar", new PlanningVm { Name = "b", Os = "Debian GNU/Linux 12 (64-bit)", VCpu = 2 });

        var forecast = Forecaster.Run(PlanCompiler.Compile(Move(1, Destination.Retire, new Wave(2027, 3)), Estate.Of([a, b]), Prices));

        double[] Pool(string key, Func<PoolCost, double> side) => [.. forecast.Years.Select(y => side(y.CostByPool[key]))];
        Assert.Equal([4_000, 2_000, 0], Pool("os_licences", c => c.Scenario));
        Assert.Equal([4_000, 4_000, 4_000], Pool("os_licences", c => c.Baseline));
        Assert.Equal([100_000, 50_000, 0], Pool("system_licences", c => c.Scenario));
        Assert.Equal([1_000, 500, 0], Pool("backup", c => c.Scenario));
        Assert.Equal([2_000, 1_500, 1_000], Pool("security", c => c.Scenario));
        Assert.Equal([10_000, 10_000, 10_000], Pool("facilities", c => c.Scenario));
        Assert.Equal([10_000, 10_000, 10_000], Pool("facilities", c => c.Baseline));
    }

    /// <summary>
    /// Two one-host clusters, both due for hardware refresh in 2028. System A's only VM runs on h1
    /// and moves to managed operation on 1 January 2027; B stays on h2.
    /// hardware (250 000 / 5 = 50 000 per host and year): baseline 100 000 every year; scenario keeps
    /// paying h1 until its refresh: 2026 100 000, 2027 100 000, 2028 50 000 (refresh not needed).
    /// virtualisation (32 cores × 1 000) and data centre (20 000) follow the hosts needed from 1 January
    /// 2027: 64 000 → 32 000 and 40 000 → 20 000.
    /// When A leaves only in 2029 instead, h1 is still needed at the 2028 refresh: hardware stays 100 000 through 2030.
    /// </summary>
    [Fact]
    public void Run_LastVmsLeaveBeforeRefresh_RefreshAvoided()
    {
        var estate = new Estate
        {
            Hosts = [new PlanningHost { Name = "h1", Cluster = "C1", RefreshYear = 2028 }, new PlanningHost { Name = "h2", Cluster = "C2", RefreshYear = 2028 }],
            Systems =
            [
                System(1, "A", new PlanningVm { Name = "a", Os = Rhel8, VCpu = 4, Host = "h1" }),
                System(2, "B", new PlanningVm { Name = "b", Os = Rhel8, VCpu = 4, Host = "h2" }),
            ],
        };

        var early = Forecaster.Run(PlanCompiler.Compile(Move(1, Destination.SwedishManaged, new Wave(2027)), estate, Prices));
        var late = Forecaster.Run(PlanCompiler.Compile(Move(1, Destination.SwedishManaged, new Wave(2029), horizon: 5), estate, Prices));

        Assert.Equal([100_000, 100_000, 50_000], early.Years.Select(y => y.CostByPool["hardware"].Scenario));
        Assert.Equal([100_000, 100_000, 100_000], early.Years.Select(y => y.CostByPool["hardware"].Baseline));
        Assert.Equal([64_000, 32_000, 32_000], early.Years.Select(y => y.CostByPool["virtualisation"].Scenario));
        Assert.Equal([40_000, 20_000, 20_000], early.Years.Select(y => y.CostByPool["data_centre"].Scenario));
        Assert.Equal([100_000, 100_000, 100_000, 100_000, 100_000], late.Years.Select(y => y.CostByPool["hardware"].Scenario));
        Assert.Equal(32_000, late.Years[3].CostByPool["virtualisation"].Scenario, 6);
    }

    /// <summary>
    /// The model's estimate for one host is hardware 50 000; the region says 150 000: factor 3, and the
    /// baseline's hardware is 150 000. With one "total" of 1 000 000 for every pool but drift staff,
    /// the baseline's pools add up to exactly 1 000 000, each pool in proportion to its estimate.
    /// </summary>
    [Fact]
    public void Run_Calibration_SumsToStatedBudget()
    {
        var systems = new[] { System(1, "A", new PlanningVm { Name = "a", Os = Windows2019, VCpu = 4, StorageGib = 500, Host = "h1" }) with { LicenceSekPerYear = 80_000 } };
        var hosts = new[] { new PlanningHost { Name = "h1", Cluster = "C1", RefreshYear = 2030 } };
        var perPool = new Estate { Systems = systems, Hosts = hosts, CostPools = new Dictionary<string, double> { ["hardware"] = 150_000 } };
        var total = new Estate { Systems = systems, Hosts = hosts, CostPools = new Dictionary<string, double> { [CostPools.TotalKey] = 1_000_000 } };
        var scenario = Move(1, Destination.InHouse, new Wave(2027));

        var calibrated = Forecaster.Run(PlanCompiler.Compile(scenario, perPool, Prices));
        var byTotal = Forecaster.Run(PlanCompiler.Compile(scenario, total, Prices));

        var hardware = calibrated.Calibration.Single(c => c.Pool == "hardware");
        Assert.Equal(50_000, hardware.Estimate, 6);
        Assert.Equal(3, hardware.Factor, 9);
        Assert.Equal(150_000, calibrated.Years[0].CostByPool["hardware"].Baseline, 6);
        Assert.Equal(1_000_000, byTotal.Years[0].CostByPool.Where(p => p.Key != "drift_staff").Sum(p => p.Value.Baseline), 3);
        Assert.Equal(1_000_000, byTotal.Calibration.Sum(c => c.Today), 3);
    }

    /// <summary>
    /// A system of 1 600 drift hours with 2 servers moves to managed operation on 1 January 2026.
    /// Rehost is 2 × 30 = 60 hours. Done by consultants (share 0 %): 1.0 FTE is freed in 2026 and the
    /// hours cost 60 × 500 = 30 000. Done by own staff (100 %): the hours are taken from what the
    /// first quarter frees, 400 − 60 = 340 h, so 2026 frees (340 + 3 × 400) / 1 600 = 0.9625 FTE-years
    /// and no consultant cost; 2027 frees the full 1.0.
    /// </summary>
    [Fact]
    public void Run_MigrationByOwnStaff_DelaysFreedCapacityInsteadOfPayingTwice()
    {
        var systems = new[] { Sys(1, "Filserver", 1600, vms: 2) };
        var byConsultants = Forecaster.Run(PlanCompiler.Compile(Move(1, Destination.SwedishManaged, new Wave(2026)), Estate.Of(systems), Prices));
        var parameters = PoolParameters();
        parameters[ParameterKeys.OwnStaffMigrationShare] = 100;
        var byOwnStaff = Forecaster.Run(PlanCompiler.Compile(Move(1, Destination.SwedishManaged, new Wave(2026), parameters: parameters), Estate.Of(systems), Prices));

        Assert.Equal(1.0, byConsultants.Years[0].MovedDriftFte, 9);
        Assert.Equal(0.9625, byOwnStaff.Years[0].MovedDriftFte, 9);
        Assert.Equal(1.0, byOwnStaff.Years[1].MovedDriftFte, 9);
        Assert.Equal(30_000, byConsultants.Years[0].TransitionCost - byOwnStaff.Years[0].TransitionCost, 6);
    }

    /// <summary>
    /// The present value takes out 2 % inflation and discounts at 3.5 % real, the start year undiscounted:
    /// NPV = Σ d_t / (1.02 × 1.035)^t. With the small example's differences (ForecasterTests)
    /// −241 625, −427 000, −480 000: −241 625 − 427 000 / 1.0557 − 480 000 / 1.0557²
    /// ≈ −241 625 − 404 471.0 − 430 685.4 = −1 076 781.4 kr.
    /// </summary>
    [Fact]
    public void Run_PresentValue_FixedPricesAtRealRate()
    {
        var parameters = SimpleParameters();
        parameters[ParameterKeys.DiscountRate] = 3.5;
        parameters[ParameterKeys.Inflation] = 2;
        var forecast = Forecaster.Run(SmallExample(parameters));

        var factor = 1.02 * 1.035;
        Assert.Equal(-241_625 - 427_000 / factor - 480_000 / (factor * factor), forecast.Npv, 3);
        Assert.InRange(forecast.Npv, -1_076_782, -1_076_781);
    }

    /// <summary>At the break-even managed price the scenario's nominal like-for-like difference is zero, to within 1 kr.</summary>
    [Fact]
    public void Run_AtBreakEvenManagedPrice_IsBudgetNeutral()
    {
        var systems = DemoPlanningSystems.Generate(300);
        var scenario = DemoScenarios.Create()[0];
        var plan = PlanCompiler.Compile(scenario, systems);
        var forecast = Forecaster.Run(plan);

        Assert.NotNull(forecast.BreakEvenManagedPrice);
        var price = forecast.BreakEvenManagedPrice!.Value;
        var assumptions = PlanningAssumptions.ForScenario(scenario);
        var ratio = assumptions[ParameterKeys.ManagedPrice24x7] / assumptions[ParameterKeys.ManagedPriceBusinessHours];
        var atBreakEven = Forecaster.Run(plan, assumptions.With(ParameterKeys.ManagedPriceBusinessHours, price).With(ParameterKeys.ManagedPrice24x7, price * ratio));
        Assert.InRange(atBreakEven.NominalDifference, -1, 1);
    }

    [Fact]
    public void DemoScenarios_EachMovesSystems_AndTheWindowsRuleFindsWindowsServers()
    {
        var systems = DemoPlanningSystems.Generate(500);
        foreach (var scenario in DemoScenarios.Create())
        {
            var plan = PlanCompiler.Compile(scenario, systems);
            Assert.True(plan.Moves.Count > 0, $"\"{scenario.Name}\" flyttar inget system.");
            var forecast = Forecaster.Run(plan);
            Assert.Contains(forecast.Years, y => Math.Abs(y.LikeForLikeDifference) > 1);
        }

        var windowsRule = PlanCompiler.Compile(DemoScenarios.Create()[0], systems);
        Assert.All(windowsRule.Moves, m => Assert.Equal(OsFamily.Windows, systems.Single(s => s.Id == m.SystemId).OsFamily));
    }

    [Theory]
    [InlineData("windows-server", OsFamily.Windows)]
    [InlineData("windows", OsFamily.Windows)]
    [InlineData("Windows", OsFamily.Windows)]
    [InlineData("linux", OsFamily.Linux)]
    [InlineData("rhel", OsFamily.Linux)]
    [InlineData(null, OsFamily.Other)]
    public void OsFamilies_FromKey_ReadsEveryStoredSpelling(string? key, OsFamily expected) =>
        Assert.Equal(expected, OsFamilies.FromKey(key));
}
