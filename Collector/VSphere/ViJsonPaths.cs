namespace Sourcing.Collector.VSphere;

/// <summary>
/// VI/JSON paths (vi-json.yaml: servers https://{vcenter}/sdk/vim25/{release}; operations
/// /{Type}/{moId}/{Method} by POST, properties /{Type}/{moId}/{property} by GET).
/// </summary>
internal static class ViJsonPaths
{
    /// <summary>The first release that serves VI/JSON (vCenter 8.0 U1): the probe asks it for ServiceInstance content.</summary>
    public const string ProbeRelease = "8.0.1.0";

    public static string Method(string release, string type, string moId, string method) =>
        $"/sdk/vim25/{Uri.EscapeDataString(release)}/{type}/{Uri.EscapeDataString(moId)}/{method}";

    public static string ServiceContent(string release) =>
        $"/sdk/vim25/{Uri.EscapeDataString(release)}/ServiceInstance/ServiceInstance/content";
}
