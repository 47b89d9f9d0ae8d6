using Sourcing.Analyzer;
using Sourcing.Analyzer.Planning;
using static Sourcing.Tests.Analyzer.Planning.PlanningTestData;

namespace Sourcing.Tests.Analyzer.Planning;

public sealed class ForecasterTests
{
    /// <summary>
    /// Worked by hand (SimpleParameters: 1 600 h/FTE, PO 50 %, no wage or price growth, salaries
    /// at the start year's level, cost pools at 0 kr, consultants do all migration at 500 kr/h):
    /// ops FTE costs 40 000 × 12 × 1.5 = 720 000, dev FTE 50 000 × 12 × 1.5 = 900 000 a year.
    /// Like for like: the baseline is the drift staff, 10 × 720 000 = 7 200 000 every year;
    /// development posts are on neither side (the added ones are reported as redirected posts).
    ///
    /// 2026: system 3 (1 600 h) is retired from Q3 → half a year → 800 h = 0.5 FTE moved, no contract.
    ///   freed 0.5; retrain 50 % × 0.5 = 0.25; attrition capacity 10 % × 10 = 1.0 takes the other 0.25
    ///   (retirement share 2/10 → 0.05 retirement, 0.20 other). Surplus 0.
    ///   dev = 5 + 0.25 retrained + 0.25 redirected = 5.5; in retraining 0.25 × 6/12 = 0.125.
    ///   drift staff = 9.5 × 720 000 = 6 840 000.
    ///   transition = 40 h × 500 (retire, consultants) + 0.25 × 100 000 (retraining) = 45 000.
    ///   scenario 6 885 000, difference −315 000; redirected posts 0.5 × 900 000 = 450 000.
    /// 2027: system 3 all year (1 FTE) + system 1 (1 600 h, 2 VMs) to managed hosting from 1 January (1 FTE).
    ///   moved 2.0; contract "Driftavtal": retained max(10 % × 1, 1) = 1; freed people 2 − 1 = 1.0.
    ///   unplaced 1.0 − 0.5 = 0.5; retrain up to 0.5 × 1.0 − 0.25 = 0.25; attrition cap 10 % × 9.5 = 0.95 takes 0.25.
    ///   dev = 5 + 0.5 + 0.5 = 6.0; retained 1.0; drift 8.0.
    ///   drift staff = 8 × 720 000 = 5 760 000; retained 1 × 900 000 = 900 000.
    ///   supplier = 2 servers × 2 500 × 12 = 60 000.
    ///   transition = 2 × 30 h × 500 (rehost) 30 000 + 4 months × 5 000 (dual running) 20 000
    ///     + 5 % × 60 000 (procurement) 3 000 + 0.25 × 100 000 (retraining) 25 000 = 78 000.
    ///   governance = max(0, 5 % × 60 000 − 1 × 900 000) = 0.
    ///   scenario 6 798 000, difference −402 000, cumulative −717 000.
    /// 2028: nothing new; 5 760 000 + 900 000 + 60 000 = 6 720 000, difference −480 000, cumulative −1 197 000.
    /// </summary>
    [Fact]
    public void Run_SmallExample_MatchesHandWorkedNumbers()
    {
        var scenario = new Scenario
        {
            Name = "Handräknat",
            StartYear = 2026,
            HorizonYears = 3,
            Parameters = SimpleParameters(),
            People = new PeopleInput { DriftFteToday = 10, DevelopmentFteToday = 5 },
            HandMoves =
            [
                new HandMove { SystemId = 1, Destination = Destination.SwedishManaged, Wave = new Wave(2027) },
                new HandMove { SystemId = 3, Destination = Destination.Retire, Wave = new Wave(2026, 3) },
            ],
        };
        PlanningSystem[] systems = [Sys(1, "Filserver", 1600, vms: 2), Sys(2, "Stannar", 800), Sys(3, "Gammalt", 1600)];

        var forecast = Forecaster.Run(PlanCompiler.Compile(scenario, systems));

        Assert.Equal([2026, 2027, 2028], forecast.Years.Select(y => y.Year));
        var y0 = forecast.Years[0];
        Assert.Equal(800, y0.MovedDriftHours, 6);
        Assert.Equal(0.5, y0.MovedDriftFte, 6);
        Assert.Equal(0.25, y0.RetrainedFte, 6);
        Assert.Equal(0.05, y0.LeftByRetirementFte, 6);
        Assert.Equal(0.20, y0.LeftByAttritionFte, 6);
        Assert.Equal(0, y0.SurplusFte, 6);
        Assert.Equal(9.5, y0.DriftFte, 6);
        Assert.Equal(5.5, y0.UtvecklingFte, 6);
        Assert.Equal(0.125, y0.InRetrainingFte, 6);
        Assert.Equal(6_840_000, y0.InternalStaffCost, 3);
        Assert.Equal(45_000, y0.TransitionCost, 3);
        Assert.Equal(6_885_000, y0.ScenarioCost, 3);
        Assert.Equal(7_200_000, y0.BaselineCost, 3);
        Assert.Equal(-315_000, y0.LikeForLikeDifference, 3);
        Assert.Equal(450_000, y0.RedirectedPostsCost, 3);

        var y1 = forecast.Years[1];
        Assert.Equal(2.0, y1.MovedDriftFte, 6);
        Assert.Equal(1.0, y1.BestallarFte, 6);
        Assert.Equal(1.0, y1.FreedFte, 6);
        Assert.Equal(8.0, y1.DriftFte, 6);
        Assert.Equal(6.0, y1.UtvecklingFte, 6);
        Assert.Equal(0.25, y1.RetrainedFte, 6);
        Assert.Equal(5_760_000, y1.InternalStaffCost, 3);
        Assert.Equal(900_000, y1.RetainedCost, 3);
        Assert.Equal(60_000, y1.SupplierCost, 3);
        Assert.Equal(78_000, y1.TransitionCost, 3);
        Assert.Equal(0, y1.GovernanceCost, 3);
        Assert.Equal(6_798_000, y1.ScenarioCost, 3);
        Assert.Equal(-717_000, y1.CumulativeDifference, 3);
        Assert.Equal(1, y1.SystemsMoving);

        var y2 = forecast.Years[2];
        Assert.Equal(6_720_000, y2.ScenarioCost, 3);
        Assert.Equal(-480_000, y2.LikeForLikeDifference, 3);
        Assert.Equal(-1_197_000, y2.CumulativeDifference, 3);
        Assert.Equal(-1.197, forecast.NominalDifferenceMkr, 6);
        Assert.Equal(6.0, y2.Roles.Sum(r => r.Fte) + 5, 6);
    }

    [Fact]
    public void Run_WageGrowth_IndexesSecondYearStaffCost()
    {
        var parameters = SimpleParameters();
        parameters[ParameterKeys.WageGrowth] = 3;
        var scenario = new Scenario
        {
            Name = "Löneökning",
            StartYear = 2026,
            HorizonYears = 3,
            Parameters = parameters,
            People = new PeopleInput { DriftFteToday = 10, DevelopmentFteToday = 5 },
        };

        var forecast = Forecaster.Run(PlanCompiler.Compile(scenario, [Sys(1, "A", 1600)]));

        // Baseline = 10 drift FTE × 720 000; the second year's salaries are 3 % higher.
        Assert.Equal(7_200_000, forecast.Years[0].BaselineCost, 3);
        Assert.Equal(7_200_000 * 1.03, forecast.Years[1].BaselineCost, 3);
        Assert.Equal(0, forecast.Years[1].LikeForLikeDifference, 3);
    }

    [Fact]
    public void Run_MoreFreedThanChannelsAbsorb_ReportsSurplusAndWarns()
    {
        // 20 drift FTE; 10 FTE of work retired on 1 January year one. Half can be retrained (5),
        // attrition 10 % × 20 = 2 takes more, 3 remain without a place in year one.
        var scenario = new Scenario
        {
            Name = "För snabbt",
            StartYear = 2026,
            HorizonYears = 3,
            Parameters = SimpleParameters(),
            People = new PeopleInput { DriftFteToday = 20, DevelopmentFteToday = 0 },
            Rules = [new MoveRule { Name = "Avveckla allt", Destination = Destination.Retire, Waves = [new Wave(2026)] }],
        };
        var systems = Enumerable.Range(1, 10).Select(i => Sys(i, $"System {i}", 1600)).ToList();

        var forecast = Forecaster.Run(PlanCompiler.Compile(scenario, systems));

        var first = forecast.Years[0];
        Assert.Equal(10, first.MovedDriftFte, 6);
        Assert.Equal(5, first.RetrainedFte, 6);
        Assert.Equal(2, first.LeftByRetirementFte + first.LeftByAttritionFte, 6);
        Assert.Equal(3, first.SurplusFte, 6);
        // Year two: attrition 10 % × (20 − 10 + 3) = 1.3 takes more of the surplus.
        Assert.Equal(1.7, forecast.Years[1].SurplusFte, 6);
        Assert.Contains(forecast.Issues, i => i.Kind == PlanIssueKind.Warning && i.Message.StartsWith("2026:", StringComparison.Ordinal) && i.Message.Contains("övertalighet", StringComparison.Ordinal));
        // The surplus is paid: staff cost is above baseline by the retrained and surplus people's pay difference.
        Assert.True(first.InternalStaffCost > 0);
    }

    [Fact]
    public void Run_HigherAttrition_LeavesLessSurplus()
    {
        Forecast Run(double attrition)
        {
            var parameters = SimpleParameters();
            parameters[ParameterKeys.AttritionRate] = attrition;
            var scenario = new Scenario
            {
                Name = "Avgång",
                StartYear = 2026,
                HorizonYears = 4,
                Parameters = parameters,
                People = new PeopleInput { DriftFteToday = 20 },
                Rules = [new MoveRule { Name = "Avveckla allt", Destination = Destination.Retire, Waves = [new Wave(2026)] }],
            };
            return Forecaster.Run(PlanCompiler.Compile(scenario, Enumerable.Range(1, 10).Select(i => Sys(i, $"S{i}", 1600))));
        }

        Assert.True(Run(15).SurplusFteYears < Run(10).SurplusFteYears);
    }

    [Fact]
    public void Run_TransferShare_MovesStaffToSupplierOnlyForManagedHosting()
    {
        var parameters = SimpleParameters();
        parameters[ParameterKeys.TransferShare] = 50;
        var scenario = new Scenario
        {
            Name = "Övergång",
            StartYear = 2026,
            HorizonYears = 3,
            Parameters = parameters,
            People = new PeopleInput { DriftFteToday = 20 },
            HandMoves =
            [
                new HandMove { SystemId = 1, Destination = Destination.SwedishManaged, Wave = new Wave(2026) },
                new HandMove { SystemId = 2, Destination = Destination.PublicCloud, Wave = new Wave(2026) },
            ],
        };

        var forecast = Forecaster.Run(PlanCompiler.Compile(scenario, [Sys(1, "A", 8000), Sys(2, "B", 8000)]));

        // Managed: 5 FTE moved, retained max(10 % × 5, 1) = 1, transfer min(50 % × 5, 5 − 1) = 2.5. Cloud: none.
        Assert.Equal(2.5, forecast.Years[0].TransferredFte, 6);
        Assert.Equal(0, forecast.Years[1].TransferredFte, 6);
    }

    [Fact]
    public void Run_SameInputsInAnyOrder_GiveEqualForecasts()
    {
        var systems = DemoPlanningSystems.Generate(500);
        var scenario = DemoScenarios.Create()[2];

        var first = Forecaster.Run(PlanCompiler.Compile(scenario, systems));
        var second = Forecaster.Run(PlanCompiler.Compile(scenario, systems.Reverse().ToList()));

        Assert.Equal(
            System.Text.Json.JsonSerializer.Serialize(first),
            System.Text.Json.JsonSerializer.Serialize(second));
        Assert.NotEqual(0, first.NominalDifference);
    }

    [Fact]
    public void Run_UnknownDriftHours_DerivedFromStaffingRatios()
    {
        var scenario = new Scenario
        {
            Name = "Härledd",
            StartYear = 2026,
            HorizonYears = 3,
            // Migration by consultants: own staff's hours would delay what is freed (CostPoolTests).
            Parameters = new Dictionary<string, double> { [ParameterKeys.OwnStaffMigrationShare] = 0 },
            HandMoves = [new HandMove { SystemId = 1, Destination = Destination.Retire, Wave = new Wave(2026) }],
        };

        // 60 VMs per FTE by default: 6 VMs are 0.1 FTE; today's drift is derived the same way.
        var forecast = Forecaster.Run(PlanCompiler.Compile(scenario, [Sys(1, "A", null, vms: 6), Sys(2, "B", null, vms: 54)]));

        Assert.Equal(0.1, forecast.Years[0].MovedDriftFte, 6);
        Assert.Equal(1.0, forecast.DriftFteToday, 6);
    }

    [Fact]
    public void Run_SaasWithoutPrice_WarnsAndUsesDefault()
    {
        var scenario = new Scenario
        {
            Name = "SaaS",
            StartYear = 2026,
            HorizonYears = 3,
            Parameters = SimpleParameters(),
            People = new PeopleInput { DriftFteToday = 5 },
            HandMoves = [new HandMove { SystemId = 1, Destination = Destination.Saas, Wave = new Wave(2026) }],
        };

        var forecast = Forecaster.Run(PlanCompiler.Compile(scenario, [Sys(1, "A", 800)]));

        Assert.Equal(150_000, forecast.Years[1].SaasCost, 3);
        Assert.Contains(forecast.Issues, i => i.Kind == PlanIssueKind.Warning && i.Message.Contains("saknar SaaS-pris", StringComparison.Ordinal));
    }
}
