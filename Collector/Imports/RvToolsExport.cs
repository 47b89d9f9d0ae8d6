using Sourcing.Collector.Inventory;

namespace Sourcing.Collector.Imports;

/// <summary>The resources an RVTools file holds. Format is "4.x" (MiB headers) or "3.x" (MB headers).</summary>
public sealed record RvToolsExport(IReadOnlyList<ResourceRecord> Vms, IReadOnlyList<ResourceRecord> Hosts, int TemplatesSkipped, string Format)
{
    public CollectResult ToCollectResult() => new([.. Vms, .. Hosts], Complete: true, Skipped: TemplatesSkipped, Calls: 0, Errors: []);
}
