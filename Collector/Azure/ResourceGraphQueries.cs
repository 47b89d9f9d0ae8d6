namespace Sourcing.Collector.Azure;

/// <summary>The Resource Graph (KQL) queries the Azure collector sends.</summary>
internal static class ResourceGraphQueries
{
    /// <summary>
    /// The whole inventory in one query: every resource with its full properties (a VM's hardware and
    /// storage profile, and `properties.extended.instanceView.powerState`; a disk's size and state), the
    /// resource groups (for their tags) and the subscriptions themselves. A subscription row missing
    /// from the answer means Resource Graph cannot read that subscription. Ordered by id so paging
    /// with $skipToken is stable.
    /// </summary>
    public const string Inventory =
        """
        resourcecontainers
        | where type =~ 'microsoft.resources/subscriptions' or type =~ 'microsoft.resources/subscriptions/resourcegroups'
        | union resources
        | project id, name, type, kind, location, resourceGroup, subscriptionId, managedBy, sku, tags, zones, properties
        | order by id asc
        """;
}
