namespace Sourcing.Collector.Inventory;

/// <summary>
/// What one collection produced. <see cref="Complete"/> is false when any part of the estate
/// could not be read (a subscription refused, a list that failed): then the store never marks
/// missing resources removed.
/// </summary>
public sealed record CollectResult(
    IReadOnlyList<ResourceRecord> Resources,
    bool Complete,
    int Skipped,
    int Calls,
    IReadOnlyList<string> Errors)
{
    /// <summary>How the source was read, for the scan page: "VI/JSON 8.0.3.0", "REST /api", "Azure Resource Graph", ...</summary>
    public string? ApiPath { get; init; }

    /// <summary>
    /// Past days of VM utilisation from the source's kept statistics (vCenter PerformanceManager through VI/JSON), stored
    /// after the inventory; empty when the source keeps none or they were read already today.
    /// </summary>
    public IReadOnlyList<VmUtilisationHistory> UtilisationHistory { get; init; } = [];
}
