using Sourcing.Analyzer;
using Sourcing.Analyzer.Planning;
using static Sourcing.Tests.Analyzer.Planning.PlanningTestData;

namespace Sourcing.Tests.Analyzer.Planning;

public sealed class ForecasterTests
{
    /// <summary>
    /// Worked by hand (SimpleParameters: 1 600 h/FTE, PO 50 %, no wage or price growth, salaries
    /// at the start year's level, cost pools at 0 kr, consultants do all migration at 500 kr/h;
    /// attrition 10 %/year = 2.5 % a quarter on the people still in drift, retirement 2 of the 10;
    /// retraining 6 months = 2 quarters). Ops FTE-year 40 000 × 12 × 1.5 = 720 000, dev 900 000.
    /// Like for like: the baseline is the drift staff, 10 × 720 000 = 7 200 000 a year.
    ///
    /// 2026 Q3: system 3 (1 600 h = 1 FTE) is retired. Freed 1.0; one cohort of 50 % × 1.0 = 0.5
    ///   starts retraining; attrition 2.5 % × 10 = 0.25 takes a place; 0.25 is surplus this quarter.
    /// 2026 Q4: attrition 2.5 % × (10 − 1 + 0.25) = 0.23125 → surplus 0.01875 at year end (0 persons).
    ///   FTE-years: moved (0+0+1+1)/4 = 0.5 (800 h); drift 9.5; surplus (0.25 + 0.01875)/4 = 0.0671875.
    ///   drift staff (9.5 + 0.0671875) × 720 000 = 6 888 375; retraining once 0.5 × 100 000 = 50 000;
    ///   retire 40 h × 500 = 20 000. Scenario 6 958 375, difference −241 625.
    ///   Development added: Q3 0.5 + 0.25 = 0.75, Q4 0.5 + 0.48125 = 0.98125 (year-end head count 5.98125);
    ///   redirected posts (0.75 + 0.98125)/4 × 900 000 = 389 531.25. Left 0.48125 (retirement 0.09625).
    /// 2027 Q1: system 1 (1 600 h, 2 VMs) to managed hosting. Moved 2.0; contract retained max(10 % × 1, 1) = 1.0;
    ///   freed 1.0; unplaced 1.0 − 0.48125 − 0.5 = 0.01875, taken by attrition (cap 0.2254…). No surplus.
    ///   drift staff 8 × 720 000 = 5 760 000; retained 1 × 900 000; supplier 2 × 2 500 × 12 = 60 000;
    ///   transition 2 × 30 h × 500 = 30 000 + dual running 4 × 5 000 = 20 000 + procurement 5 % × 60 000 = 3 000.
    ///   Scenario 6 773 000, difference −427 000, cumulative −668 625. Development 6.0 at year end.
    /// 2028: 5 760 000 + 900 000 + 60 000 = 6 720 000, difference −480 000, cumulative −1 148 625.
    /// </summary>
    [Fact]
    public void Run_SmallExample_MatchesHandWorkedNumbers()
    {
        var forecast = Forecaster.Run(SmallExample(SimpleParameters()));

        Assert.Equal([2026, 2027, 2028], forecast.Years.Select(y => y.Year));
        var y0 = forecast.Years[0];
        Assert.Equal(800, y0.MovedDriftHours, 6);
        Assert.Equal(0.5, y0.MovedDriftFte, 6);
        Assert.Equal(0.5, y0.RetrainedFte, 6);
        Assert.Equal(0.09625, y0.LeftByRetirementFte, 9);
        Assert.Equal(0.385, y0.LeftByAttritionFte, 9);
        Assert.Equal(0.0671875, y0.SurplusFte, 9);
        Assert.Equal(0, y0.SurplusPersons);
        Assert.Equal(9.5, y0.DriftFte, 6);
        Assert.Equal(5.98125, y0.DevelopmentHeadcount, 9);
        Assert.Equal(0.5, y0.InTrainingFte, 9);
        Assert.Equal(6_888_375, y0.InternalStaffCost, 3);
        Assert.Equal(50_000, y0.RetrainingCost, 3);
        Assert.Equal(70_000, y0.TransitionCost, 3);
        Assert.Equal(6_958_375, y0.ScenarioCost, 3);
        Assert.Equal(7_200_000, y0.BaselineCost, 3);
        Assert.Equal(-241_625, y0.LikeForLikeDifference, 3);
        Assert.Equal(389_531.25, y0.RedirectedPostsCost, 3);

        var y1 = forecast.Years[1];
        Assert.Equal(2.0, y1.MovedDriftFte, 6);
        Assert.Equal(1.0, y1.BestallarFte, 6);
        Assert.Equal(1.0, y1.RetainedHeadcount, 6);
        Assert.Equal(1.0, y1.FreedFte, 6);
        Assert.Equal(8.0, y1.DriftFte, 6);
        Assert.Equal(8.0, y1.DriftHeadcount, 6);
        Assert.Equal(6.0, y1.DevelopmentHeadcount, 6);
        Assert.Equal(0, y1.RetrainedFte, 6);
        Assert.Equal(5_760_000, y1.InternalStaffCost, 3);
        Assert.Equal(900_000, y1.RetainedCost, 3);
        Assert.Equal(60_000, y1.SupplierCost, 3);
        Assert.Equal(53_000, y1.TransitionCost, 3);
        Assert.Equal(0, y1.GovernanceCost, 3);
        Assert.Equal(6_773_000, y1.ScenarioCost, 3);
        Assert.Equal(-668_625, y1.CumulativeDifference, 3);
        Assert.Equal(1, y1.SystemsMoving);

        var y2 = forecast.Years[2];
        Assert.Equal(6_720_000, y2.ScenarioCost, 3);
        Assert.Equal(-480_000, y2.LikeForLikeDifference, 3);
        Assert.Equal(-1_148_625, y2.CumulativeDifference, 3);
        Assert.Equal(-1.148625, forecast.NominalDifferenceMkr, 9);
        Assert.Equal(1.0, y2.Roles.Sum(r => r.Fte), 6);
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

    /// <summary>
    /// 20 drift FTE; 10 FTE of work retired on 1 January 2026. Half the freed can be retrained: one
    /// cohort of 5. Attrition, 2.5 % a quarter on the people still in drift, takes 0.5 in Q1
    /// (2.5 % × 20), then 2.5 % × (10 + 4.5) = 0.3625, 2.5 % × (10 + 4.1375) = 0.3534375 and
    /// 2.5 % × (10 + 3.7840625) = 0.3446015625: left 1.5605390625 in 2026. Surplus per quarter
    /// 4.5, 4.1375, 3.7840625, 3.4394609375: 3.965255859375 FTE-years, and 4 persons at year end
    /// (3.44 FTE is four people without a place), not absorbed within the three years.
    /// </summary>
    [Fact]
    public void Run_MoreFreedThanChannelsAbsorb_ReportsSurplusAndWarns()
    {
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
        Assert.Equal(1.5605390625, first.LeftByRetirementFte + first.LeftByAttritionFte, 8);
        Assert.Equal(3.965255859375, first.SurplusFte, 8);
        Assert.Equal(4, first.SurplusPersons);
        Assert.Null(first.SurplusAbsorbedBy);
        Assert.True(forecast.Years[1].SurplusFte < first.SurplusFte);
        Assert.Contains(forecast.Issues, i => i.Kind == PlanIssueKind.Warning && i.Message.StartsWith("2026:", StringComparison.Ordinal) && i.Message.Contains("övertalighet", StringComparison.Ordinal));
        // The warning names the worst quarter (4.5 FTE in Q1: five people), not the year's 3.97 FTE-years.
        Assert.Contains(forecast.Issues, i => i.Message.StartsWith("2026: upp till 4,5 FTE (5 personer) frigörs", StringComparison.Ordinal));
        // The surplus is paid: it stays in the drift staff pool on the scenario side.
        Assert.Equal((10 + first.SurplusFte) * 720_000, first.InternalStaffCost, 3);
    }

    /// <summary>
    /// A Q3 transfer is one event on its date: 8 000 h (5 FTE) to managed hosting from 2026 Q3 with
    /// half transferred: retained max(10 % × 5, 1) = 1, transferred min(50 % × 5, 5 − 1) = 2.5, all in
    /// 2026 and none in 2027, though the move counts half a year in 2026 and a full year in 2027.
    /// The retraining cohort starts once as well: 50 % × (5 − 1 − 2.5) = 0.75 in 2026, none in 2027,
    /// its cost (0.75 × 100 000) booked once.
    /// </summary>
    [Fact]
    public void Run_Q3TransferAndCohort_CountedOnceInTheirYear()
    {
        var parameters = SimpleParameters();
        parameters[ParameterKeys.TransferShare] = 50;
        var scenario = new Scenario
        {
            Name = "Övergång K3",
            StartYear = 2026,
            HorizonYears = 3,
            Parameters = parameters,
            People = new PeopleInput { DriftFteToday = 20 },
            HandMoves = [new HandMove { SystemId = 1, Destination = Destination.SwedishManaged, Wave = new Wave(2026, 3) }],
        };

        var forecast = Forecaster.Run(PlanCompiler.Compile(scenario, [Sys(1, "A", 8000)]));

        Assert.Equal(2.5, forecast.Years[0].TransferredPersons, 9);
        Assert.Equal(0, forecast.Years[1].TransferredPersons, 9);
        Assert.Equal(0.75, forecast.Years[0].RetrainedFte, 9);
        Assert.Equal(0, forecast.Years[1].RetrainedFte, 9);
        Assert.Equal(75_000, forecast.Years[0].RetrainingCost, 3);
        Assert.Equal(0, forecast.Years[1].RetrainingCost, 3);
        Assert.Equal(2.5, forecast.Years[0].MovedDriftFte, 9);
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

    /// <summary>
    /// The reinvestment of the small example (Run_SmallExample_MatchesHandWorkedNumbers), reported
    /// apart from the like-for-like comparison:
    /// like-for-like −241 625 − 427 000 − 480 000 = −1 148 625 (a saving);
    /// redirected posts 389 531.25 + 900 000 + 900 000 = 2 189 531.25 for 0.4328125 + 1 + 1 = 2.4328125 FTE-years;
    /// net per development FTE-year (−1 148 625 + 2 189 531.25) / 2.4328125 = 427 861.2 kr.
    /// Recruiting instead: (900 000 × 5 years + 100 000) / (5 − 4/12) = 985 714.3 kr per FTE-year;
    /// consultants 500 kr/h × 1 600 h = 800 000 kr. The last year's saving 480 000 pays 480 000 / 900 000 = 0.533 posts.
    /// </summary>
    [Fact]
    public void Run_Reinvestment_ReportedApartWithItsPriceAgainstRecruitingAndConsultants()
    {
        var parameters = SimpleParameters();
        parameters[ParameterKeys.RecruitmentCostPerHire] = 100_000;
        parameters[ParameterKeys.VacancyMonths] = 4;
        parameters[ParameterKeys.TenureYears] = 5;
        var forecast = Forecaster.Run(SmallExample(parameters));

        Assert.Equal(-1_148_625, forecast.NominalDifference, 3);
        Assert.Equal(2_189_531.25, forecast.Years.Sum(y => y.RedirectedPostsCost), 3);
        Assert.Equal(2.4328125, forecast.DevelopmentFteYearsGained, 9);
        Assert.Equal((-1_148_625 + 2_189_531.25) / 2.4328125, forecast.CostPerDevelopmentFteYear!.Value, 3);
        Assert.Equal(4_600_000 / (5 - 4.0 / 12), forecast.RecruitingCostPerFteYear, 3);
        Assert.Equal(800_000, forecast.ConsultantCostPerFteYear, 3);
        Assert.Equal(480_000.0 / 900_000, forecast.BudgetNeutralDevelopmentFte, 9);
    }

    [Fact]
    public void Run_SameSeed_GivesTheSameRange()
    {
        var systems = DemoPlanningSystems.Generate(400);
        var plan = PlanCompiler.Compile(DemoScenarios.Create()[2], systems);

        var first = Forecaster.Run(plan);
        var second = Forecaster.Run(PlanCompiler.Compile(DemoScenarios.Create()[2], systems.Reverse().ToList()));

        Assert.NotNull(first.Range);
        Assert.Equal(first.Range, second.Range);
        Assert.Equal(Forecaster.SimulationRuns, first.Range!.Runs);
        Assert.True(first.Range.Npv.P10 < first.Range.Npv.P50 && first.Range.Npv.P50 < first.Range.Npv.P90);
        // The base need not lie inside P10–P90: where the sources' ranges are skewed around a default
        // (managed price 1 300–5 000 around 1 800), the simulated spread is skewed too.
        var otherSeed = Forecaster.Simulate(plan, PlanningAssumptions.ForScenario(plan.Scenario), Forecaster.SimulationRuns, 7);
        Assert.NotEqual(first.Range.Npv, otherSeed.Npv);
    }
}
