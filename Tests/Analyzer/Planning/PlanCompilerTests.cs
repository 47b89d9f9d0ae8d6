using Sourcing.Analyzer;
using Sourcing.Analyzer.Planning;
using static Sourcing.Tests.Analyzer.Planning.PlanningTestData;

namespace Sourcing.Tests.Analyzer.Planning;

public sealed class PlanCompilerTests
{
    private const string OslRule = "K3 patientdata (25 kap. 1 § OSL): amerikanskt ägt moln spärrat";

    [Fact]
    public void Compile_HandMoveToBlockedDestination_IsRefusedWithRuleNamed()
    {
        var scenario = new Scenario
        {
            Name = "Journal till molnet",
            StartYear = 2026,
            HorizonYears = 3,
            HandMoves = [new HandMove { SystemId = 7, Destination = Destination.PublicCloud, Wave = new Wave(2027) }],
        };

        var plan = PlanCompiler.Compile(scenario, [Sys(7, "Journalsystem", 800, gates: PatientData)]);

        Assert.Empty(plan.Moves);
        var refusal = Assert.Single(plan.Issues, i => i.Kind == PlanIssueKind.Refused);
        Assert.Equal(7, refusal.SystemId);
        Assert.Equal(Destination.PublicCloud, refusal.Destination);
        Assert.Equal(OslRule, refusal.GateRule);
        Assert.Contains(OslRule, refusal.Message, StringComparison.Ordinal);
        Assert.Contains(Forecaster.Run(plan).Issues, i => i.Kind == PlanIssueKind.Refused);
    }

    [Fact]
    public void Compile_RuleHitsBlockedSystem_SkipsAndListsIt()
    {
        var scenario = new Scenario
        {
            Name = "Allt till molnet",
            StartYear = 2026,
            HorizonYears = 3,
            Rules = [new MoveRule { Name = "Moln", Destination = Destination.PublicCloud, Waves = [new Wave(2027)] }],
        };

        var plan = PlanCompiler.Compile(scenario, [Sys(1, "Intranät", 100), Sys(2, "Journalsystem", 800, gates: PatientData)]);

        Assert.Equal([1L], plan.Moves.Select(m => m.SystemId));
        var skipped = Assert.Single(plan.Issues, i => i.Kind == PlanIssueKind.Skipped);
        Assert.Equal(2, skipped.SystemId);
        Assert.Equal("Moln", skipped.Origin);
        Assert.Equal(OslRule, skipped.GateRule);
    }

    [Fact]
    public void Compile_ConditionalDestination_IsMovedAndListed()
    {
        var scenario = new Scenario
        {
            Name = "Journal till svensk drift",
            StartYear = 2026,
            HorizonYears = 3,
            HandMoves = [new HandMove { SystemId = 2, Destination = Destination.SwedishManaged, Wave = new Wave(2027, 2) }],
        };

        var plan = PlanCompiler.Compile(scenario, [Sys(2, "Journalsystem", 800, gates: PatientData)]);

        var move = Assert.Single(plan.Moves);
        Assert.Equal(PlanningGateVerdict.Conditional, move.Verdict);
        Assert.Single(plan.Issues, i => i.Kind == PlanIssueKind.Conditional && i.SystemId == 2);
    }

    [Fact]
    public void Compile_RuleWithThreeWaves_SpreadsSystemsEvenlyInIdOrder()
    {
        var scenario = new Scenario
        {
            Name = "Vågor",
            StartYear = 2026,
            HorizonYears = 5,
            Rules = [new MoveRule { Name = "Alla", Waves = [new Wave(2027), new Wave(2028), new Wave(2029)] }],
        };

        var plan = PlanCompiler.Compile(scenario, Enumerable.Range(1, 6).Select(i => Sys(i, $"S{i}", 100)).Reverse());

        Assert.Equal([2027, 2027, 2028, 2028, 2029, 2029], plan.Moves.Select(m => m.Wave.Year));
        Assert.Equal([1L, 2, 3, 4, 5, 6], plan.Moves.Select(m => m.SystemId));
        Assert.Equal(3, plan.Waves.Count);
    }

    [Fact]
    public void Compile_HandMoveInHouse_KeepsSystemFromRules()
    {
        var scenario = new Scenario
        {
            Name = "Undantag",
            StartYear = 2026,
            HorizonYears = 3,
            Rules = [new MoveRule { Name = "Alla", Waves = [new Wave(2027)] }],
            HandMoves = [new HandMove { SystemId = 2, Destination = Destination.InHouse, Wave = new Wave(2027) }],
        };

        var plan = PlanCompiler.Compile(scenario, [Sys(1, "A", 100), Sys(2, "B", 100)]);

        Assert.Equal([1L], plan.Moves.Select(m => m.SystemId));
    }

    [Fact]
    public void Compile_Filters_PickByDepartmentClassificationAndSupport()
    {
        var systems = new[]
        {
            Sys(1, "A", 100) with { Department = "Socialförvaltningen", Confidentiality = 1, OsSupport = Sourcing.Analyzer.Workloads.SupportStatus.Unsupported },
            Sys(2, "B", 100) with { Department = "Socialförvaltningen", Confidentiality = 3, OsSupport = Sourcing.Analyzer.Workloads.SupportStatus.Unsupported },
            Sys(3, "C", 100) with { Department = "Socialförvaltningen", Confidentiality = 1, OsSupport = Sourcing.Analyzer.Workloads.SupportStatus.Supported },
            Sys(4, "D", 100) with { Department = "Tekniska förvaltningen", Confidentiality = 0, OsSupport = Sourcing.Analyzer.Workloads.SupportStatus.ExtendedOnly },
            Sys(5, "E", 100) with { Department = "Socialförvaltningen", Confidentiality = null, OsSupport = Sourcing.Analyzer.Workloads.SupportStatus.Unsupported },
        };
        var filter = new SystemFilter { Departments = ["socialförvaltningen"], MaxConfidentiality = 1, OsOutOfSupport = true };

        Assert.Equal([1L], systems.Where(filter.Matches).Select(s => s.Id));
    }

    [Fact]
    public void Compile_InvalidScenario_ReportsErrors()
    {
        var scenario = new Scenario
        {
            Name = "Fel",
            StartYear = 2026,
            HorizonYears = 12,
            Parameters = new Dictionary<string, double> { ["ingen_sadan"] = 1 },
            HandMoves = [new HandMove { SystemId = 99, Destination = Destination.Retire, Wave = new Wave(2025) }],
        };

        var plan = PlanCompiler.Compile(scenario, [Sys(1, "A", 100)]);

        Assert.True(plan.HasErrors);
        Assert.Contains(plan.Issues, i => i.Kind == PlanIssueKind.Error && i.Message.Contains("Horisonten", StringComparison.Ordinal));
        Assert.Contains(plan.Issues, i => i.Kind == PlanIssueKind.Error && i.Message.Contains("ingen_sadan", StringComparison.Ordinal));
        Assert.Contains(plan.Issues, i => i.Kind == PlanIssueKind.Error && i.SystemId == 99);
        // The forecast still runs and carries the errors, so a page can show both.
        Assert.Contains(Forecaster.Run(plan).Issues, i => i.Kind == PlanIssueKind.Error);
    }

    [Fact]
    public void CloudPriceTable_PicksCheapestFittingRowAndScalesLargest()
    {
        var table = CloudPriceTable.Default;

        Assert.Equal(365, table.MonthlyPrice(new VmShape(2, 4, false)));
        Assert.Equal(1387, table.MonthlyPrice(new VmShape(3, 10, false)));
        Assert.Equal(2 * 3650, table.MonthlyPrice(new VmShape(16, 64, false)));
    }
}
