using System.Text.Json.Nodes;

namespace Sourcing.Collector.VSphere;

/// <summary>One entry of GET /api/vcenter/vm (vcenter.json VcenterVMSummary).</summary>
internal sealed record VmSummary(string Vm, string Name, string? PowerState, int? CpuCount, long? MemoryMib, JsonObject Raw)
{
    public static VmSummary From(JsonObject node) => new(
        Str(node, "vm") ?? throw new FormatException("VM summary without 'vm'"),
        Str(node, "name") ?? "",
        Str(node, "power_state"),
        (int?)Long(node, "cpu_count"),
        Long(node, "memory_size_MiB"),
        node);

    internal static string? Str(JsonNode? node, string name) =>
        node?[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    internal static long? Long(JsonNode? node, string name) =>
        node?[name] is JsonValue v && v.TryGetValue<long>(out var l) ? l : null;
}

/// <summary>Where a VM sits, assembled from filtered list calls (the REST API has no placement read).</summary>
internal sealed record VmPlacement(string? Datacenter, string? Cluster, string? Host, string? FolderPath);

/// <summary>
/// What the VM details phase learned about one VM. <see cref="InfoFailed"/> and <see cref="IdentityFailed"/>: the call
/// failed (not "no such data"), so what it would have told is unknown and the store keeps the last known values.
/// </summary>
internal sealed record VmDetails(
    VmSummary Summary, JsonObject? Info, JsonObject? Identity, bool? ToolsRunning, bool InfoFailed = false, bool IdentityFailed = false);
