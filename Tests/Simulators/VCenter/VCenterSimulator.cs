using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Sourcing.Tests.Simulators.VCenter;

/// <summary>
/// A simulated vCenter on HTTPS loopback: /api and /rest for one estate, with latency and faults,
/// and VI/JSON (/sdk/vim25/{release}) when <see cref="VCenterSimulatorOptions.Version"/> is 8.0.1 or
/// later (7.0.3 by default, as before). Start it in-process:
/// <code>await using var sim = await VCenterSimulator.StartAsync(new VCenterSimulatorOptions { Vms = 200, Seed = 1 });</code>
/// then point the collector at <see cref="Url"/> with <see cref="Thumbprint"/> pinned.
/// </summary>
public sealed class VCenterSimulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, int> _sessions = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _requests = new();
    private readonly ConcurrentQueue<(string Path, string Body)> _viJsonBodies = new();
    private readonly VCenterViJson _viJson;
    private int _calls;
    private int _logins;
    private int _logouts;
    private int _inFlight;
    private int _maxInFlight;
    private long _serverTicks;

    private VCenterSimulator(WebApplication app, VCenterSimulatorOptions options, VCenterEstate estate, X509Certificate2 certificate)
    {
        _app = app;
        Options = options;
        Estate = estate;
        Certificate = certificate;
        Thumbprint = certificate.GetCertHashString(HashAlgorithmName.SHA256);
        Faults = new VCenterFaults
        {
            VmListCap = options.VmListCap,
            ApiDisabled = options.ApiDisabled,
            SessionExpiresAfterCalls = options.SessionExpiresAfterCalls,
            Latency = TimeSpan.FromMilliseconds(options.LatencyMs),
        };
        _viJson = new VCenterViJson(estate, Faults, options);
    }

    /// <summary>Whether the announced version serves VI/JSON (8.0 U1 and later).</summary>
    public bool ServesViJson => System.Version.Parse(Options.Version) >= new System.Version(8, 0, 1);

    /// <summary>Every VI/JSON request body received (path, JSON), in arrival order, for conformance checks.</summary>
    public IReadOnlyCollection<(string Path, string Body)> ViJsonBodies => _viJsonBodies;

    public VCenterSimulatorOptions Options { get; }

    /// <summary>The PerformanceManager behind VI/JSON: its counter ids and the VMs' month of samples.</summary>
    internal VCenterPerformance Performance => _viJson.Performance;

    public VCenterEstate Estate { get; }

    public VCenterFaults Faults { get; }

    public X509Certificate2 Certificate { get; }

    /// <summary>Upper-case hex SHA-256 of the server certificate.</summary>
    public string Thumbprint { get; }

    public string Url { get; private set; } = "";

    public int Port { get; private set; }

    public int Calls => Volatile.Read(ref _calls);

    public int Logins => Volatile.Read(ref _logins);

    public int Logouts => Volatile.Read(ref _logouts);

    public int ActiveSessions => _sessions.Count;

    /// <summary>Most requests ever handled at the same time.</summary>
    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    /// <summary>Mean time the simulator held a request (latency included): the real per-call cost a client sees.</summary>
    public TimeSpan MeanServerTime => Calls == 0 ? TimeSpan.Zero : TimeSpan.FromTicks(Interlocked.Read(ref _serverTicks) / Calls);

    /// <summary>"GET /api/vcenter/vm?hosts=host-1" for every request, in arrival order.</summary>
    public IReadOnlyCollection<string> Requests => _requests;

    public static async Task<VCenterSimulator> StartAsync(VCenterSimulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new VCenterSimulatorOptions();
        var estate = options.Estate ?? VCenterEstateGenerator.Generate(options.Vms, options.Seed, options.Clusters, options.HostsPerCluster);
        var certificate = SelfSignedCertificate.Create("vcenter-simulator");

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, options.Port, listen => listen.UseHttps(certificate)));
        var app = builder.Build();
        var simulator = new VCenterSimulator(app, options, estate, certificate);
        app.Run(simulator.HandleAsync);
        await app.StartAsync(cancellationToken);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        simulator.Port = new Uri(address).Port;
        simulator.Url = $"https://127.0.0.1:{simulator.Port}";
        return simulator;
    }

    public void ResetCounters()
    {
        Interlocked.Exchange(ref _calls, 0);
        Interlocked.Exchange(ref _logins, 0);
        Interlocked.Exchange(ref _logouts, 0);
        Interlocked.Exchange(ref _maxInFlight, 0);
        Interlocked.Exchange(ref _serverTicks, 0);
        _requests.Clear();
    }

    /// <summary>Requests whose path (without query) starts with <paramref name="prefix"/>.</summary>
    public int CallsTo(string method, string prefix) =>
        _requests.Count(r => r.StartsWith(method + " " + prefix, StringComparison.Ordinal));

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Certificate.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var inFlight = Interlocked.Increment(ref _inFlight);
        for (var max = Volatile.Read(ref _maxInFlight); inFlight > max; max = Volatile.Read(ref _maxInFlight))
        {
            if (Interlocked.CompareExchange(ref _maxInFlight, inFlight, max) == max)
            {
                break;
            }
        }

        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            Interlocked.Increment(ref _calls);
            var request = context.Request;
            _requests.Enqueue($"{request.Method} {request.Path}{request.QueryString}");
            if (Faults.Down)
            {
                context.Abort();
                return;
            }

            await Faults.WaitIfHeldAsync(request.Path.Value ?? "", context.RequestAborted);
            if (Faults.Latency > TimeSpan.Zero)
            {
                await Task.Delay(Faults.Latency, context.RequestAborted);
            }

            var answer = await AnswerAsync(context);
            if (answer is null)
            {
                context.Abort();
                return;
            }

            context.Response.StatusCode = answer.Status;
            if (answer.RetryAfter is { } retryAfter)
            {
                context.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            if (answer.SessionId is not null)
            {
                context.Response.Headers["vmware-api-session-id"] = answer.SessionId;
            }

            if (answer.Body is not null)
            {
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(answer.Body.ToJsonString(), context.RequestAborted);
            }
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away (cancelled scan): nothing to answer.
        }
        finally
        {
            Interlocked.Add(ref _serverTicks, System.Diagnostics.Stopwatch.GetElapsedTime(started).Ticks);
            Interlocked.Decrement(ref _inFlight);
        }
    }

    /// <summary>The answer to one request, or null to drop the connection.</summary>
    private async Task<Answer?> AnswerAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        var method = context.Request.Method;
        if (path.StartsWith("/sdk/vim25/", StringComparison.Ordinal))
        {
            return ServesViJson ? await ViJsonAsync(context, path) : new Answer(404, null);
        }

        var rest = path.StartsWith("/rest/", StringComparison.Ordinal);
        if (!rest && !path.StartsWith("/api/", StringComparison.Ordinal))
        {
            return new Answer(404, null);
        }

        if (!rest && Faults.ApiDisabled)
        {
            return new Answer(404, null);
        }

        var api = new VCenterApi(Estate, Faults, rest);
        if (path is "/api/session" or "/rest/com/vmware/cis/session")
        {
            return Session(context, method, api);
        }

        if (Faults.TakeReset())
        {
            return null;
        }

        if (Faults.Take429())
        {
            return new Answer(429, api.Error("SERVICE_UNAVAILABLE", "com.vmware.vapi.rate_limit", "Too many requests."), Faults.RetryAfterSeconds);
        }

        if (Faults.Take503() || Faults.BrokenPaths.Keys.Any(p => path.StartsWith(p, StringComparison.Ordinal)))
        {
            return new Answer(503, api.Error("SERVICE_UNAVAILABLE", "com.vmware.vapi.endpoint.failedToConnect", "Service is temporarily unavailable."));
        }

        var token = context.Request.Headers["vmware-api-session-id"].ToString();
        if (!Authenticated(token))
        {
            return new Answer(401, api.Error("UNAUTHENTICATED", "com.vmware.vapi.endpoint.method.authentication.required", "Authentication required."));
        }

        JsonNode? body = null;
        if (context.Request.ContentLength is > 0 || context.Request.Headers.ContentType.Count > 0)
        {
            using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
            var text = await reader.ReadToEndAsync(context.RequestAborted);
            body = string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text);
        }

        var (status, result) = api.Dispatch(method, path, context.Request.Query, body);
        return new Answer(status, result);
    }

    /// <summary>/sdk/vim25/{release}/{Type}/{moId}/{method or property}.</summary>
    private async Task<Answer?> ViJsonAsync(HttpContext context, string path)
    {
        var segments = path["/sdk/vim25/".Length..].Split('/');
        if (segments.Length != 4 || !System.Version.TryParse(segments[0], out var release)
            || release < new System.Version(8, 0, 1, 0) || release > System.Version.Parse(_viJson.ApiVersion))
        {
            return new Answer(404, null);
        }

        var (type, moId, operation) = (segments[1], Uri.UnescapeDataString(segments[2]), segments[3]);
        var method = context.Request.Method;
        JsonNode? body = null;
        if (method == "POST" && (context.Request.ContentLength is > 0 || context.Request.Headers.ContentType.Count > 0))
        {
            using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
            var text = await reader.ReadToEndAsync(context.RequestAborted);
            body = string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text);
            if (type != "SessionManager")
            {
                _viJsonBodies.Enqueue((path, text));
            }
        }

        if (VCenterViJson.MissingTypeName(body) is { } missing)
        {
            return new Answer(500, VCenterViJson.Fault("InvalidRequest", $"Data object at {missing} has no _typeName."));
        }

        if ((method, type, moId, operation) is ("GET", "ServiceInstance", "ServiceInstance", "content"))
        {
            return new Answer(200, _viJson.ServiceContent());
        }

        if ((method, type, operation) is ("POST", "SessionManager", "Login"))
        {
            var user = body?["userName"]?.ToString();
            var password = body?["password"]?.ToString();
            if (user != Options.Username || password != Options.Password)
            {
                return new Answer(500, VCenterViJson.Fault("InvalidLogin", "Cannot complete login due to an incorrect user name or password."));
            }

            var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20));
            _sessions[token] = 0;
            Interlocked.Increment(ref _logins);
            return new Answer(200, _viJson.UserSession(token[..12]), SessionId: token);
        }

        var session = context.Request.Headers["vmware-api-session-id"].ToString();
        if ((method, type, operation) is ("POST", "SessionManager", "Logout"))
        {
            if (!_sessions.TryRemove(session, out _))
            {
                return NotAuthenticated();
            }

            _viJson.EndSession(session);
            Interlocked.Increment(ref _logouts);
            return new Answer(204, null);
        }

        if (Faults.TakeReset())
        {
            return null;
        }

        if (Faults.Take429())
        {
            return new Answer(429, null, Faults.RetryAfterSeconds);
        }

        if (Faults.Take503() || Faults.BrokenPaths.Keys.Any(p => path.StartsWith(p, StringComparison.Ordinal)))
        {
            return new Answer(503, null);
        }

        if (!Authenticated(session))
        {
            _viJson.EndSession(session);
            return NotAuthenticated();
        }

        var (status, result) = _viJson.Dispatch(session, method, type, moId, operation, body);
        return new Answer(status, result);
    }

    private static Answer NotAuthenticated() => new(500, VCenterViJson.Fault("NotAuthenticated", "The session is not authenticated.", new JsonObject
    {
        ["object"] = VCenterViJson.Mor("SessionManager", "SessionManager"),
        ["privilegeId"] = "System.View",
    }));

    private Answer Session(HttpContext context, string method, VCenterApi api)
    {
        var rest = api.Rest;
        if (method == "POST")
        {
            if (!BasicAuthMatches(context.Request.Headers.Authorization.ToString()))
            {
                return new Answer(401, api.Error("UNAUTHENTICATED", "com.vmware.vapi.endpoint.method.authentication.required", "Authentication required."));
            }

            var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            _sessions[token] = 0;
            Interlocked.Increment(ref _logins);
            return rest ? new Answer(200, new JsonObject { ["value"] = token }) : new Answer(201, JsonValue.Create(token));
        }

        var current = context.Request.Headers["vmware-api-session-id"].ToString();
        if (method == "DELETE")
        {
            if (!_sessions.TryRemove(current, out _))
            {
                return new Answer(401, api.Error("UNAUTHENTICATED", "com.vmware.vapi.endpoint.method.authentication.required", "Authentication required."));
            }

            Interlocked.Increment(ref _logouts);
            return new Answer(rest ? 200 : 204, null);
        }

        return _sessions.ContainsKey(current)
            ? new Answer(200, Wrap(rest, new JsonObject { ["user"] = Options.Username, ["created_time"] = "2024-01-01T00:00:00.000Z", ["last_accessed_time"] = "2024-01-01T00:00:00.000Z" }))
            : new Answer(401, api.Error("UNAUTHENTICATED", "com.vmware.vapi.endpoint.method.authentication.required", "Authentication required."));
    }

    private bool Authenticated(string token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return false;
        }

        // Count without ever re-adding a session that expired meanwhile.
        while (_sessions.TryGetValue(token, out var used))
        {
            if (Faults.SessionExpiresAfterCalls is { } limit && used + 1 > limit)
            {
                _sessions.TryRemove(token, out _);
                return false;
            }

            if (_sessions.TryUpdate(token, used + 1, used))
            {
                return true;
            }
        }

        return false;
    }

    private bool BasicAuthMatches(string header)
    {
        if (!header.StartsWith("Basic ", StringComparison.Ordinal))
        {
            return false;
        }

        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..]));
            return decoded == Options.Username + ":" + Options.Password;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static JsonNode Wrap(bool rest, JsonNode node) => rest ? new JsonObject { ["value"] = node } : node;

    private sealed record Answer(int Status, JsonNode? Body, int? RetryAfter = null, string? SessionId = null);
}
