using System.Text.Json.Nodes;

namespace Sourcing.Tests.Simulators.Azure;

/// <summary>
/// One simulated resource: its entry in the resources list and, for VMs and disks, the JSON of the
/// Compute lists. Times are the seeded creation time (the changed time equals it: nothing changes).
/// </summary>
public sealed record EstateResource(string Id, string Type, JsonObject Generic, string CreatedTime)
{
    public JsonObject? Vm { get; init; }

    public JsonObject? InstanceView { get; init; }

    public JsonObject? Disk { get; init; }

    public string? Zones { get; init; }
}
