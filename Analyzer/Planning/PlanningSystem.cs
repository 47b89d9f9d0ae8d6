using Sourcing.Analyzer.Lifecycle;
using Sourcing.Analyzer.Workloads;

namespace Sourcing.Analyzer.Planning;

/// <summary>
/// One system as the forecast sees it: what the assessment recommends and allows, and the
/// numbers that drive effort and price. Built from the workload and assessment tables, or read
/// from an estate file.
/// </summary>
public sealed record PlanningSystem
{
    public required long Id { get; init; }
    public required string Name { get; init; }
    /// <summary>The owning förvaltning.</summary>
    public string? Department { get; init; }
    /// <summary>The family most of its servers run (the one OS classification, <see cref="OsFamilies"/>).</summary>
    public OsFamily OsFamily { get; init; } = OsFamily.Other;
    /// <summary>KLASSA konfidentialitet 0–4; null when not classified.</summary>
    public int? Confidentiality { get; init; }
    public Destination? Recommended { get; init; }
    /// <summary>Gate verdict per destination; a destination missing here is treated as not assessed (conditional).</summary>
    public IReadOnlyDictionary<Destination, PlanningGate> Gates { get; init; } = new Dictionary<Destination, PlanningGate>();
    /// <summary>Drift effort from the effort model; null = derive from server counts and the staffing ratios.</summary>
    public double? DriftHoursPerYear { get; init; }
    public int VmCount { get; init; }
    public int PhysicalServers { get; init; }
    /// <summary>Needs operation around the clock (24×7 price).</summary>
    public bool TwentyFourSeven { get; init; }
    /// <summary>
    /// The servers with size, OS, power and host. Servers counted in <see cref="VmCount"/> and
    /// <see cref="PhysicalServers"/> but missing here are priced as 2 vCPU / 8 GiB / no disk, running,
    /// with the system's OS family.
    /// </summary>
    public IReadOnlyList<PlanningVm> Vms { get; init; } = [];
    public SupportStatus OsSupport { get; init; } = SupportStatus.Unknown;
    /// <summary>Known SaaS price, SEK per year.</summary>
    public double? SaasPricePerYear { get; init; }
    /// <summary>The system's own licence and maintenance fee today, SEK per year (system register).</summary>
    public double LicenceSekPerYear { get; init; }

    /// <summary>Every server, the listed ones first, then defaults for the counted ones not listed.</summary>
    public IEnumerable<PlanningVm> AllServers()
    {
        foreach (var vm in Vms)
        {
            yield return vm;
        }

        var os = OsFamily switch { OsFamily.Windows => "Windows Server", OsFamily.Linux => "Linux", _ => null };
        var listedVirtual = Vms.Count(v => !v.Physical);
        var listedPhysical = Vms.Count(v => v.Physical);
        for (var i = listedVirtual; i < VmCount; i++)
        {
            yield return new PlanningVm { Name = $"{Name} server {i + 1}", Os = os };
        }

        for (var i = listedPhysical; i < PhysicalServers; i++)
        {
            yield return new PlanningVm { Name = $"{Name} fysisk {i + 1}", Os = os, Physical = true };
        }
    }
}
