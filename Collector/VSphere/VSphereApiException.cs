using System.Net;

namespace Sourcing.Collector.VSphere;

/// <summary>
/// A request that ended in an HTTP error after the retries. Carries the vAPI error type (e.g.
/// "UNABLE_TO_ALLOCATE_RESOURCE") so callers can react to the documented cases.
/// </summary>
internal sealed class VSphereApiException(HttpStatusCode status, string method, string path, string? errorType, string? detail)
    : Exception($"{method} {path} answered {(int)status} {status}{(errorType is null ? "" : " " + errorType)}{(detail is null ? "" : ": " + detail)}")
{
    public HttpStatusCode Status { get; } = status;

    public string? ErrorType { get; } = errorType;

    public string? Detail { get; } = detail;

    /// <summary>
    /// GET /api/vcenter/vm beyond 4000 matches: 500 UNABLE_TO_ALLOCATE_RESOURCE on /api,
    /// 400 com.vmware.vapi.std.errors.unable_to_allocate_resource on /rest (vcenter.json 7.0.3).
    /// </summary>
    public bool IsTooManyMatches =>
        (Status is HttpStatusCode.InternalServerError or HttpStatusCode.BadRequest)
        && ErrorType is not null
        && (ErrorType.Contains("unable_to_allocate_resource", StringComparison.OrdinalIgnoreCase)
            || ErrorType.Contains("too_many_matches", StringComparison.OrdinalIgnoreCase));
}
