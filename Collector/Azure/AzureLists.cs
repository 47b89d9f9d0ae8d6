namespace Sourcing.Collector.Azure;

/// <summary>The list calls the collector makes per subscription, as keys of the raw JSON it keeps.</summary>
internal static class AzureLists
{
    public const string Resources = "resources";
    public const string Vms = "vms";
    public const string VmStatus = "vm-status";
    public const string Disks = "disks";
    public const string ResourceGroups = "resource-groups";
}
