namespace Sourcing.Collector.VSphere;

/// <summary>
/// The two REST generations of vCenter (/api, 7.0 U2 and later, and the deprecated /rest), and
/// VI/JSON (the PropertyCollector over JSON, /sdk/vim25/{release}, vCenter 8.0 U1 and later).
/// </summary>
internal enum VSphereApiFlavor
{
    Api,
    Rest,
    ViJson,
}
