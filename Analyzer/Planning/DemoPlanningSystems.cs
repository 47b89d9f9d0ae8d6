using Sourcing.Analyzer.Lifecycle;
using Sourcing.Analyzer.Workloads;

namespace Sourcing.Analyzer.Planning;

/// <summary>
/// A made-up but plausible estate for the demo and the benchmark: the same count always gives the
/// same systems (a fixed-seed generator, no shared Random).
/// </summary>
public static class DemoPlanningSystems
{
    private static readonly string[] Departments =
    [
        "Hälso- och sjukvårdsförvaltningen", "Socialförvaltningen", "Utbildningsförvaltningen",
        "Tekniska förvaltningen", "Samhällsbyggnadsförvaltningen", "Regionstyrelseförvaltningen",
    ];

    private static readonly string[] Kinds =
    [
        "Filserver", "Utskriftsserver", "Journalsystem", "HR-system", "Ekonomisystem", "Diariesystem",
        "Webbplats", "Intranät", "Bokningssystem", "Labbsystem", "Skolplattform", "Fastighetssystem",
    ];

    public static IReadOnlyList<PlanningSystem> Generate(int count)
    {
        var state = 0x2545F491u;
        uint Next()
        {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            return state;
        }

        var systems = new List<PlanningSystem>(count);
        for (var i = 0; i < count; i++)
        {
            var kind = Kinds[i % Kinds.Length];
            var windows = kind is "Filserver" or "Utskriftsserver" or "HR-system" or "Ekonomisystem" || Next() % 3 != 0;
            var health = kind is "Journalsystem" or "Labbsystem";
            var k = health ? 3 : (int)(Next() % 3);
            if (Next() % 50 == 0)
            {
                k = 4;
            }

            var vms = 1 + (int)(Next() % 4);
            var physical = Next() % 10 == 0 ? 1 : 0;
            var sizes = Enumerable.Range(0, vms + physical)
                .Select(v => new PlanningVm
                {
                    Name = $"srv{i + 1}-{v + 1}",
                    Os = windows ? "Microsoft Windows Server 2019 (64-bit)" : "Red Hat Enterprise Linux 8 (64-bit)",
                    VCpu = 2 << (int)(Next() % 3),
                    MemoryGib = 4 << (int)(Next() % 4),
                    StorageGib = 50 << (int)(Next() % 3),
                    Physical = v >= vms,
                })
                .ToList();
            var recommended = k switch
            {
                4 => Destination.InHouse,
                3 => Destination.SwedishManaged,
                _ => kind switch
                {
                    "Webbplats" or "Intranät" or "Bokningssystem" => Destination.Saas,
                    "Filserver" or "Utskriftsserver" => Destination.SwedishManaged,
                    _ => Next() % 5 == 0 ? Destination.Retire : Destination.PublicCloud,
                },
            };

            systems.Add(new PlanningSystem
            {
                Id = i + 1,
                Name = $"{kind} {i + 1}",
                Department = Departments[(int)(Next() % (uint)Departments.Length)],
                OsFamily = windows ? OsFamily.Windows : OsFamily.Linux,
                Confidentiality = k,
                Recommended = recommended,
                Gates = Gates(k),
                DriftHoursPerYear = Next() % 4 == 0 ? null : (double?)(20 + Next() % 200),
                VmCount = vms,
                PhysicalServers = physical,
                TwentyFourSeven = health || Next() % 6 == 0,
                Vms = sizes,
                LicenceSekPerYear = kind is "Filserver" or "Utskriftsserver" ? 0 : 20_000 + (Next() % 8) * 10_000,
                OsSupport = (Next() % 8) switch { 0 => SupportStatus.Unsupported, 1 => SupportStatus.ExtendedOnly, _ => SupportStatus.Supported },
                SaasPricePerYear = recommended == Destination.Saas && Next() % 2 == 0 ? 60_000 + (Next() % 10) * 10_000 : null,
            });
        }

        return systems;
    }

    // A simplified copy of the default gate table in domain.md, enough for the demo.
    private static Dictionary<Destination, PlanningGate> Gates(int k)
    {
        var gates = new Dictionary<Destination, PlanningGate>
        {
            [Destination.InHouse] = new(PlanningGateVerdict.Allowed, "Egen regi är alltid tillåten"),
            [Destination.Retire] = new(PlanningGateVerdict.Allowed, ""),
        };
        (PlanningGate Us, PlanningGate Se) pair = k switch
        {
            >= 4 => (new(PlanningGateVerdict.Blocked, "K4/säkerhetsskydd: endast egen regi"), new(PlanningGateVerdict.Blocked, "K4/säkerhetsskydd: endast egen regi")),
            3 => (new(PlanningGateVerdict.Blocked, "K3 patient- och hälsodata (25 kap. 1 § OSL): amerikanskt ägt moln spärrat"), new(PlanningGateVerdict.Conditional, "K3: svensk drift kräver avtal om tystnadsplikt och svensk personal")),
            2 => (new(PlanningGateVerdict.Conditional, "K2: dokumenterad lämplighetsbedömning och kundhållna nycklar"), new(PlanningGateVerdict.Allowed, "K2: tillåten")),
            _ => (new(PlanningGateVerdict.Allowed, "K0–K1: tillåten"), new(PlanningGateVerdict.Allowed, "K0–K1: tillåten")),
        };
        gates[Destination.PublicCloud] = pair.Us;
        gates[Destination.Saas] = pair.Us;
        gates[Destination.SwedishManaged] = pair.Se;
        return gates;
    }
}
