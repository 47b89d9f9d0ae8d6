using Sourcing.Analyzer.Lifecycle;
using Sourcing.Analyzer;
using Sourcing.Analyzer.Planning;

namespace Sourcing.Tests.Analyzer.Planning;

/// <summary>Small systems and scenarios the planning tests share.</summary>
internal static class PlanningTestData
{
    public static readonly Dictionary<Destination, PlanningGate> AllAllowed = new()
    {
        [Destination.SwedishManaged] = new(PlanningGateVerdict.Allowed, "K0–K1: tillåten"),
        [Destination.PublicCloud] = new(PlanningGateVerdict.Allowed, "K0–K1: tillåten"),
        [Destination.Saas] = new(PlanningGateVerdict.Allowed, "K0–K1: tillåten"),
        [Destination.Retire] = new(PlanningGateVerdict.Allowed, ""),
    };

    public static readonly Dictionary<Destination, PlanningGate> PatientData = new()
    {
        [Destination.SwedishManaged] = new(PlanningGateVerdict.Conditional, "K3: avtal om tystnadsplikt"),
        [Destination.PublicCloud] = new(PlanningGateVerdict.Blocked, "K3 patientdata (25 kap. 1 § OSL): amerikanskt ägt moln spärrat"),
        [Destination.Saas] = new(PlanningGateVerdict.Blocked, "K3 patientdata (25 kap. 1 § OSL): amerikanskt ägt moln spärrat"),
    };

    public static PlanningSystem Sys(long id, string name, double? hours, int vms = 1, Dictionary<Destination, PlanningGate>? gates = null) => new()
    {
        Id = id,
        Name = name,
        DriftHoursPerYear = hours,
        VmCount = vms,
        OsFamily = OsFamily.Windows,
        Confidentiality = 1,
        Recommended = Destination.SwedishManaged,
        Gates = gates ?? AllAllowed,
    };

    /// <summary>Round numbers so that the hand-worked example stays readable.</summary>
    public static Dictionary<string, double> SimpleParameters() => new()
    {
        [ParameterKeys.ProductiveHoursPerFte] = 1600,
        [ParameterKeys.PoPalagg] = 50,
        [ParameterKeys.MonthlySalaryOps] = 40_000,
        [ParameterKeys.MonthlySalaryDev] = 50_000,
        [ParameterKeys.WageGrowth] = 0,
        [ParameterKeys.PriceGrowth] = 0,
        [ParameterKeys.ManagedPriceBusinessHours] = 2_500,
        [ParameterKeys.RehostHoursPerVm] = 30,
        [ParameterKeys.RetireHoursPerSystem] = 40,
        [ParameterKeys.ConsultantHourRate] = 500,
        [ParameterKeys.OwnStaffMigrationShare] = 0,
        [ParameterKeys.SalaryBaseYear] = 2026,
        [ParameterKeys.ManagedContractFee24x7] = 0,
        [ParameterKeys.DualRunningMonths] = 4,
        [ParameterKeys.SourcingTransactionShare] = 5,
        [ParameterKeys.GovernanceShare] = 5,
        [ParameterKeys.RetainedShare] = 10,
        [ParameterKeys.RetainedMinFtePerContract] = 1,
        [ParameterKeys.AttritionRate] = 10,
        [ParameterKeys.RetirementRate] = 2,
        [ParameterKeys.RetrainableShare] = 50,
        [ParameterKeys.MonthsToProductivity] = 6,
        [ParameterKeys.RetrainingCostPerPerson] = 100_000,
        [ParameterKeys.TransferShare] = 0,
        [ParameterKeys.RedirectShare] = 100,
        // The in-house cost pools cost nothing here, so the staff arithmetic stays readable;
        // CostPoolTests works them by hand.
        [ParameterKeys.HostPrice] = 0,
        [ParameterKeys.StoragePricePerTibYear] = 0,
        [ParameterKeys.VirtualisationPricePerCoreYear] = 0,
        [ParameterKeys.WindowsPricePerCoreYear] = 0,
        [ParameterKeys.RhelPricePerVmYear] = 0,
        [ParameterKeys.SqlServerPricePerVmYear] = 0,
        [ParameterKeys.BackupPricePerTibYear] = 0,
        [ParameterKeys.SecurityPricePerServerYear] = 0,
        [ParameterKeys.DataCentrePricePerHostYear] = 0,
        [ParameterKeys.FacilitiesPricePerHostYear] = 0,
    };

    /// <summary>Simple parameters with the pools' unit prices back at round hand-worked values.</summary>
    public static Dictionary<string, double> PoolParameters()
    {
        var p = SimpleParameters();
        p[ParameterKeys.HostPrice] = 250_000;
        p[ParameterKeys.HardwareRefreshYears] = 5;
        p[ParameterKeys.HostCores] = 32;
        p[ParameterKeys.StoragePricePerTibYear] = 2_000;
        p[ParameterKeys.VirtualisationPricePerCoreYear] = 1_000;
        p[ParameterKeys.WindowsPricePerCoreYear] = 300;
        p[ParameterKeys.RhelPricePerVmYear] = 4_000;
        p[ParameterKeys.SqlServerVmShare] = 0;
        p[ParameterKeys.BackupPricePerTibYear] = 1_000;
        p[ParameterKeys.SecurityPricePerServerYear] = 1_000;
        p[ParameterKeys.DataCentrePricePerHostYear] = 20_000;
        p[ParameterKeys.FacilitiesPricePerHostYear] = 10_000;
        return p;
    }

    /// <summary>
    /// The small example worked by hand in ForecasterTests.Run_SmallExample_MatchesHandWorkedNumbers:
    /// 10 drift and 5 development FTE; system 1 (1 600 h, 2 VMs) to managed hosting from 2027,
    /// system 3 (1 600 h) retired from 2026 Q3, system 2 (800 h) stays; 2026–2028.
    /// </summary>
    public static CompiledPlan SmallExample(Dictionary<string, double> parameters) => PlanCompiler.Compile(
        new Scenario
        {
            Name = "Handräknat",
            StartYear = 2026,
            HorizonYears = 3,
            Parameters = parameters,
            People = new PeopleInput { DriftFteToday = 10, DevelopmentFteToday = 5 },
            HandMoves =
            [
                new HandMove { SystemId = 1, Destination = Destination.SwedishManaged, Wave = new Wave(2027) },
                new HandMove { SystemId = 3, Destination = Destination.Retire, Wave = new Wave(2026, 3) },
            ],
        },
        [Sys(1, "Filserver", 1600, vms: 2), Sys(2, "Stannar", 800), Sys(3, "Gammalt", 1600)]);
}
