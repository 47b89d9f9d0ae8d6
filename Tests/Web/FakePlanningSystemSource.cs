using Sourcing.Analyzer.Lifecycle;
using Sourcing.Analyzer;
using Sourcing.Analyzer.Planning;
using Sourcing.Collector.Planning;

namespace Sourcing.Tests.Web;

/// <summary>
/// Systems for the scenario and forecast pages: one K4 journal the gate keeps from public cloud,
/// and ten small print servers (one FTE of drift each) that rules can move, seven of them with
/// measured use.
/// </summary>
internal sealed class FakePlanningSystemSource : IEstateSource
{
    public const long JournalId = 1;
    public const string BlockRule = "K4-information får inte lämna regionens kontroll (KLASSA K4)";

    public static IReadOnlyList<PlanningSystem> Systems { get; } =
    [
        new PlanningSystem
        {
            Id = JournalId,
            Name = "Journal <K4>",
            Department = "Hälso- och sjukvårdsförvaltningen",
            OsFamily = OsFamily.Linux,
            Confidentiality = 4,
            Recommended = Destination.InHouse,
            DriftHoursPerYear = 3_200,
            VmCount = 4,
            Gates = new Dictionary<Destination, PlanningGate>
            {
                [Destination.PublicCloud] = new(PlanningGateVerdict.Blocked, BlockRule),
                [Destination.Saas] = new(PlanningGateVerdict.Blocked, BlockRule),
                [Destination.SwedishManaged] = new(PlanningGateVerdict.Conditional, "Kräver avtal om svensk drift"),
            },
        },
        .. Enumerable.Range(2, 10).Select(i => new PlanningSystem
        {
            Id = i,
            Name = $"Utskriftsserver {i}",
            Department = "Regionstyrelseförvaltningen",
            OsFamily = OsFamily.Windows,
            Confidentiality = 1,
            Recommended = Destination.Retire,
            DriftHoursPerYear = 1_600,
            VmCount = 1,
            // Servers 2–8 have 30 days of measured use (right-sized in public cloud); 9–11 none.
            Vms = i <= 8
                ? [new PlanningVm { Name = $"print{i:00}", Os = "Microsoft Windows Server 2019 (64-bit)", VCpu = 2, MemoryGib = 8, CpuP95 = 20, MemoryP95 = 30, UtilisationDays = 30 }]
                : [],
            Gates = new Dictionary<Destination, PlanningGate>
            {
                [Destination.Retire] = new(PlanningGateVerdict.Allowed, "K1"),
                [Destination.SwedishManaged] = new(PlanningGateVerdict.Allowed, "K1"),
                [Destination.PublicCloud] = new(PlanningGateVerdict.Allowed, "K1"),
            },
        }),
    ];

    public Task<Estate> LoadAsync(CancellationToken cancellationToken) => Task.FromResult(Estate.Of(Systems));
}
