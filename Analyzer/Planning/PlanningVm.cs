using System.Text.Json.Serialization;
using Sourcing.Analyzer.Lifecycle;

namespace Sourcing.Analyzer.Planning;

/// <summary>
/// One server of a system as the cost model sees it. <see cref="Os"/> is the vendor's text
/// ("Microsoft Windows Server 2019 (64-bit)"); the family and product are read from it by the one
/// OS parser, so a file and the database give the same classification.
/// </summary>
public sealed record PlanningVm
{
    public required string Name { get; init; }
    public string? Os { get; init; }
    public int VCpu { get; init; } = 2;
    public double MemoryGib { get; init; } = 8;
    public double StorageGib { get; init; }
    public bool PoweredOn { get; init; } = true;
    /// <summary>The in-house host it runs on; null for a cloud resource or a physical server.</summary>
    public string? Host { get; init; }
    /// <summary>Already in a public cloud: no in-house platform cost, nothing to migrate to cloud.</summary>
    public bool InCloud { get; init; }
    /// <summary>A physical server (no hypervisor): its own hardware.</summary>
    public bool Physical { get; init; }
    /// <summary>Measured CPU use, the 95th percentile of the daily samples in percent of <see cref="VCpu"/>; null when not measured.</summary>
    public double? CpuP95 { get; init; }
    /// <summary>Measured memory use, the 95th percentile in percent of <see cref="MemoryGib"/>; null when not measured.</summary>
    public double? MemoryP95 { get; init; }
    /// <summary>Days with samples behind the percentiles; below <see cref="RightSizing.MinimumDays"/> the configured size is used.</summary>
    public int? UtilisationDays { get; init; }

    [JsonIgnore]
    public OsIdentity Identity => GuestOsParser.Parse(Os);

    [JsonIgnore]
    public OsFamily Family => Identity.Family;
}
