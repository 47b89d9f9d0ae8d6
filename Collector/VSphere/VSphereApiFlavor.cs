namespace Sourcing.Collector.VSphere;

/// <summary>The two REST generations of vCenter: /api (7.0 U2 and later) and the deprecated /rest.</summary>
internal enum VSphereApiFlavor
{
    Api,
    Rest,
}
