namespace Sourcing.Collector.Inventory;

/// <summary>Reports how far a collection has come ("412 of 1,500 VMs"). Cheap to call often.</summary>
public interface IScanProgress
{
    void Report(int done, int total, string? text = null);
}
