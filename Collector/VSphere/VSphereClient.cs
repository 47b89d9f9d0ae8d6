using System.Net;
using System.Security.Authentication;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Flurl.Http;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Sourcing.Collector.Sources;

namespace Sourcing.Collector.VSphere;

/// <summary>
/// One logged-in conversation with one vCenter over its REST API (Flurl.Http 2.4). Every request
/// passes one gate of <c>maxConcurrency</c> slots, is retried by a Polly retry strategy on
/// 429/502/503/504, timeouts and broken connections (exponential back-off with jitter, Retry-After
/// honoured, delays through <see cref="TimeProvider"/>), and logs in again once when the session
/// expired (401). The circuit breaker (vCenter gone for the rest of the scan) is ours: Polly's
/// breaker samples a failure ratio and closes again, where a nightly scan should simply stop.
/// Bodies are parsed with System.Text.Json because the records keep the vendor JSON as JsonNode;
/// /rest bodies are unwrapped from {"value": ...} here, so callers see the /api shape.
/// </summary>
internal sealed class VSphereClient : IAsyncDisposable
{
    private const string SessionHeader = "vmware-api-session-id";
    private readonly string _baseUrl;
    private readonly string _username;
    private readonly Secret _password;
    private readonly VSphereClientOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly VSphereHttpClientFactory _factory;
    private readonly FlurlClient _flurl;
    private readonly SemaphoreSlim _gate;
    private readonly SemaphoreSlim _loginLock = new(1, 1);
    private readonly CancellationTokenSource _gone = new();
    private volatile string? _token;
    private volatile string? _goneReason;
    private int _calls;
    private int _refusedInARow;
    private int _answeredSinceLogin;
    private int _logins;
    private string _viJsonRelease = "";
    private int _failuresInRow;
    private readonly ResiliencePipeline<RawResponse> _retry;

    public VSphereClient(
        string baseUrl,
        string username,
        Secret password,
        string? thumbprint,
        bool insecure,
        int maxConcurrency,
        VSphereClientOptions options,
        TimeProvider time,
        ILogger logger)
    {
        _baseUrl = NormalizeBaseUrl(baseUrl);
        _username = username;
        _password = password;
        _options = options;
        _time = time;
        _logger = logger;
        _gate = new SemaphoreSlim(Math.Max(1, maxConcurrency));
        _factory = new VSphereHttpClientFactory(thumbprint, insecure);
        _flurl = new FlurlClient();
        _flurl.Settings.HttpClientFactory = _factory;
        _flurl.Settings.Timeout = options.RequestTimeout;
        _retry = BuildRetryPipeline();
    }

    public string BaseUrl => _baseUrl;

    public VSphereApiFlavor Flavor { get; private set; } = VSphereApiFlavor.Api;

    /// <summary>HTTP requests sent, retries and logins included.</summary>
    public int Calls => Volatile.Read(ref _calls);

    public bool LoggedIn => _token is not null;

    /// <summary>Successful logins so far; a VI/JSON view or paging token belongs to the session it was made in.</summary>
    public int Logins => Volatile.Read(ref _logins);

    /// <summary>The VI/JSON release in the path ("8.0.3.0"), once <see cref="UseViJson"/> was called.</summary>
    public string ViJsonRelease => _viJsonRelease;

    /// <summary>From now on the client speaks VI/JSON of <paramref name="release"/> (before <see cref="LoginAsync"/>).</summary>
    public void UseViJson(string release)
    {
        _viJsonRelease = release;
        Flavor = VSphereApiFlavor.ViJson;
    }

    /// <summary>
    /// A request without session (VI/JSON's ServiceInstance content is readable anonymously). Answers
    /// the status and body; throws <see cref="VSphereException"/> only when the vCenter cannot be reached.
    /// </summary>
    public async Task<(HttpStatusCode Status, JsonNode? Body)> GetAnonymousAsync(string pathAndQuery, CancellationToken cancellationToken)
    {
        var response = await SendCoreAsync(HttpMethod.Get, pathAndQuery, null, basicAuth: false, cancellationToken, anonymous: true);
        return (response.Status, Parse(response.Body));
    }

    /// <summary>The circuit breaker opened: the vCenter stopped answering and no more requests are sent.</summary>
    public bool Unavailable => _goneReason is not null;

    /// <summary>
    /// POST /api/session; a 404 there means a vCenter before 7.0 U2 (or /api switched off): fall
    /// back to POST /rest/com/vmware/cis/session.
    /// </summary>
    public async Task LoginAsync(CancellationToken cancellationToken)
    {
        if (Flavor == VSphereApiFlavor.ViJson)
        {
            await LoginViJsonAsync(cancellationToken);
            return;
        }

        var response = await SendCoreAsync(HttpMethod.Post, VSpherePaths.Session(Flavor), null, basicAuth: true, cancellationToken);
        if (response.Status == HttpStatusCode.NotFound && Flavor == VSphereApiFlavor.Api)
        {
            _logger.LogInformation("vCenter {Url} has no /api; using the older /rest API", _baseUrl);
            Flavor = VSphereApiFlavor.Rest;
            response = await SendCoreAsync(HttpMethod.Post, VSpherePaths.Session(VSphereApiFlavor.Rest), null, basicAuth: true, cancellationToken);
        }

        if (response.Status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            throw new VSphereException(
                $"Login to vCenter {_baseUrl} as '{_username}' was refused ({(int)response.Status} {response.Status}). Check the user name and password.")
            {
                LoginRefused = true,
            };
        }

        if (!IsSuccess(response.Status))
        {
            throw new VSphereException(
                $"Login to vCenter {_baseUrl} failed: {Describe(HttpMethod.Post, VSpherePaths.Session(Flavor), response)}.");
        }

        var body = Parse(response.Body);
        var token = (Flavor == VSphereApiFlavor.Rest ? body?["value"] : body)?.GetValueKind() == JsonValueKind.String
            ? (Flavor == VSphereApiFlavor.Rest ? body!["value"] : body)!.GetValue<string>()
            : null;
        _token = token ?? throw new VSphereException($"Login to vCenter {_baseUrl} answered {(int)response.Status} without a session token.");
        Interlocked.Exchange(ref _answeredSinceLogin, 0);
        Interlocked.Increment(ref _logins);
    }

    /// <summary>
    /// VI/JSON: POST SessionManager/{moId}/Login with {"userName", "password"}; the session id comes
    /// back in the vmware-api-session-id response header (vi-json.yaml, SessionManager_Login).
    /// </summary>
    private async Task LoginViJsonAsync(CancellationToken cancellationToken)
    {
        var path = ViJsonPaths.Method(_viJsonRelease, "SessionManager", "SessionManager", "Login");
        var body = new JsonObject { ["userName"] = _username, ["password"] = _password.Reveal() }.ToJsonString();
        var response = await SendCoreAsync(HttpMethod.Post, path, body, basicAuth: false, cancellationToken, anonymous: true);
        if (!IsSuccess(response.Status))
        {
            var (type, _) = ErrorOf(response.Body);
            if (type is "InvalidLogin" or "NoPermission" || response.Status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                throw new VSphereException(
                    $"Login to vCenter {_baseUrl} as '{_username}' was refused ({(int)response.Status} {type ?? response.Status.ToString()}). Check the user name and password.")
                {
                    LoginRefused = true,
                };
            }

            throw new VSphereException($"Login to vCenter {_baseUrl} failed: {Describe(HttpMethod.Post, path, response)}.");
        }

        _token = response.SessionId ?? throw new VSphereException($"Login to vCenter {_baseUrl} answered {(int)response.Status} without a session id.");
        Interlocked.Exchange(ref _answeredSinceLogin, 0);
        Interlocked.Increment(ref _logins);
    }

    /// <summary>DELETE the session. Best effort: a failed logout must not fail a finished scan.</summary>
    public async Task LogoutAsync(CancellationToken cancellationToken)
    {
        if (_token is null)
        {
            return;
        }

        try
        {
            if (Flavor == VSphereApiFlavor.ViJson)
            {
                await SendCoreAsync(HttpMethod.Post, ViJsonPaths.Method(_viJsonRelease, "SessionManager", "SessionManager", "Logout"), null,
                    basicAuth: false, cancellationToken, retry: false);
            }
            else
            {
                await SendCoreAsync(HttpMethod.Delete, VSpherePaths.Session(Flavor), null, basicAuth: false, cancellationToken, retry: false);
            }
        }
        catch (Exception ex) when (ex is VSphereException or OperationCanceledException)
        {
            _logger.LogInformation("Logout from vCenter {Url} failed: {Message}", _baseUrl, ex.Message);
        }
        finally
        {
            _token = null;
        }
    }

    public Task<JsonNode?> GetAsync(string pathAndQuery, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, pathAndQuery, null, cancellationToken);

    public Task<JsonNode?> PostAsync(string pathAndQuery, JsonNode body, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, pathAndQuery, body, cancellationToken);

    /// <summary>Sends with the session; throws <see cref="VSphereApiException"/> for an HTTP error after the retries.</summary>
    public async Task<JsonNode?> SendAsync(HttpMethod method, string pathAndQuery, JsonNode? body, CancellationToken cancellationToken)
    {
        var json = body?.ToJsonString();
        var response = await SendCoreAsync(method, pathAndQuery, json, basicAuth: false, cancellationToken);
        if (!IsSuccess(response.Status))
        {
            var (errorType, detail) = ErrorOf(response.Body);
            throw new VSphereApiException(response.Status, method.Method, pathAndQuery, errorType, detail);
        }

        var node = Parse(response.Body);
        return Flavor == VSphereApiFlavor.Rest && node is JsonObject wrapper && wrapper.ContainsKey("value")
            ? wrapper["value"]?.DeepClone()
            : node;
    }

    /// <summary>
    /// POST with the session, the answer as a <see cref="JsonDocument"/> (the caller disposes it): for large answers read
    /// once (QueryPerf), whose pooled, read-only form costs a fraction of a <see cref="JsonNode"/> tree.
    /// </summary>
    public async Task<JsonDocument> PostForDocumentAsync(string pathAndQuery, JsonNode body, CancellationToken cancellationToken)
    {
        var response = await SendCoreAsync(HttpMethod.Post, pathAndQuery, body.ToJsonString(), basicAuth: false, cancellationToken, utf8: true);
        if (!IsSuccess(response.Status))
        {
            var (errorType, detail) = ErrorOf(response.Body);
            throw new VSphereApiException(response.Status, HttpMethod.Post.Method, pathAndQuery, errorType, detail);
        }

        return response.Document ?? JsonDocument.Parse("null");
    }

    public async ValueTask DisposeAsync()
    {
        if (_token is not null)
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await LogoutAsync(cts.Token);
        }

        _flurl.Dispose();
        _gate.Dispose();
        _loginLock.Dispose();
        _gone.Dispose();
    }

    /// <summary>
    /// One request through the retry pipeline (Polly): 429/502/503/504, timeouts and broken connections
    /// are tried again up to <see cref="VSphereClientOptions.MaxAttempts"/> times, waiting Retry-After
    /// or the back-off with jitter. A session that ended (401) is renewed inside one attempt and does
    /// not count as a try. When the breaker opens, a waiting retry ends at once with "svarar inte längre".
    /// </summary>
    private async Task<RawResponse> SendCoreAsync(
        HttpMethod method, string pathAndQuery, string? json, bool basicAuth, CancellationToken cancellationToken, bool retry = true,
        bool anonymous = false, bool utf8 = false)
    {
        ThrowIfGone(method, pathAndQuery);
        using var untilGone = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _gone.Token);
        var context = ResilienceContextPool.Shared.Get(untilGone.Token);
        context.Properties.Set(RequestKey, $"{method.Method} {PathOnly(pathAndQuery)}");
        var request = new SendState(method, pathAndQuery, json, basicAuth, anonymous, retry) { Utf8 = utf8 };
        try
        {
            var pipeline = retry ? _retry : ResiliencePipeline<RawResponse>.Empty;
            // The attempt sends with the caller's token: an opening breaker stops the waits between tries, not requests in flight.
            return await pipeline.ExecuteAsync(_ => AttemptAsync(request, cancellationToken), context);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            ThrowIfGone(method, pathAndQuery);
            throw;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>One try of a request (the retry pipeline decides about the next): a transient failure is rethrown for it, or thrown as <see cref="VSphereException"/> on the last try.</summary>
    private async ValueTask<RawResponse> AttemptAsync(SendState request, CancellationToken cancellationToken)
    {
        var attempt = ++request.Attempt;
        var (method, pathAndQuery) = (request.Method, request.PathAndQuery);
        while (true)
        {
            ThrowIfGone(method, pathAndQuery);
            RawResponse response;
            await _gate.WaitAsync(cancellationToken);
            var tokenUsed = request.BasicAuth || request.Anonymous ? null : _token;
            try
            {
                ThrowIfGone(method, pathAndQuery);
                Interlocked.Increment(ref _calls);
                response = await SendOnceAsync(method, pathAndQuery, request.Json, request.BasicAuth, tokenUsed, cancellationToken, request.Utf8);
            }
            catch (Exception ex) when (IsTransient(ex, cancellationToken))
            {
                var exhausted = !request.Retry || attempt >= _options.MaxAttempts;
                RecordFailure(Innermost(ex).Message, requestExhausted: exhausted && request.Retry);
                if (exhausted)
                {
                    throw new VSphereException(
                        $"vCenter {_baseUrl} could not be reached ({method.Method} {PathOnly(pathAndQuery)}, {attempt} tries): {Innermost(ex).Message}", ex);
                }

                throw;
            }
            catch (FlurlHttpException ex) when (Innermost(ex) is AuthenticationException)
            {
                var reason = _factory.LastRejection ?? Innermost(ex).Message;
                throw new VSphereException($"TLS connection to vCenter {_baseUrl} refused: {reason}.", ex);
            }
            catch (FlurlHttpException ex)
            {
                throw new VSphereException($"vCenter {_baseUrl} {method.Method} {PathOnly(pathAndQuery)} failed: {Innermost(ex).Message}", ex);
            }
            finally
            {
                _gate.Release();
            }

            if (response.Status is HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout)
            {
                // A proxy in front of a vCenter that is gone answers these.
                RecordFailure($"{(int)response.Status} {response.Status}", requestExhausted: request.Retry && attempt >= _options.MaxAttempts);
            }
            else
            {
                Interlocked.Exchange(ref _failuresInRow, 0);
            }

            if (tokenUsed is not null && IsSessionEnded(response))
            {
                // A request queued behind many others may see several sessions end before its turn
                // (a vCenter that ends sessions every few hundred calls); ReLoginAsync fails the scan
                // when new sessions are refused before answering anything, so this bound is only a backstop.
                if (++request.Reauthentications > 2 + _options.MaxReLogins)
                {
                    return response;
                }

                if (tokenUsed == _token)
                {
                    await ReLoginAsync(tokenUsed, cancellationToken);
                }

                // Otherwise another request already logged in again: send again with the new token (not a new try).
                continue;
            }

            if (tokenUsed is not null && tokenUsed == _token)
            {
                Interlocked.Increment(ref _answeredSinceLogin);
            }

            return response;
        }
    }

    /// <summary>The retry strategy of every request that may be retried; its waits go through <see cref="TimeProvider"/>.</summary>
    private ResiliencePipeline<RawResponse> BuildRetryPipeline() =>
        new ResiliencePipelineBuilder<RawResponse> { TimeProvider = _time }
            .AddRetry(new RetryStrategyOptions<RawResponse>
            {
                MaxRetryAttempts = Math.Max(0, _options.MaxAttempts - 1),
                // AttemptAsync lets only transient failures out unwrapped (the last try's is a VSphereException).
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } ex
                    ? ex is not (VSphereException or OperationCanceledException)
                    : IsRetryable(args.Outcome.Result!)),
                // Our back-off rather than Polly's decorrelated jitter: the fault tests pin its bounds (base·2ⁿ⁻¹ to twice that).
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(args.Outcome.Result?.RetryAfter is { } after
                    ? (after > _options.MaxRetryAfter ? _options.MaxRetryAfter : after)
                    : Backoff(args.AttemptNumber + 1)),
                OnRetry = args =>
                {
                    var what = args.Context.Properties.GetValue(RequestKey, "");
                    var failure = args.Outcome.Exception is { } ex ? Innermost(ex).Message : $"{(int)args.Outcome.Result!.Status}";
                    _logger.LogWarning("vCenter {Url} {Request} failed ({Error}); try {Attempt} of {Max} in {Delay} ms",
                        _baseUrl, what, failure, args.AttemptNumber + 2, _options.MaxAttempts, (int)args.RetryDelay.TotalMilliseconds);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();

    private static readonly ResiliencePropertyKey<string> RequestKey = new("sourcing.vsphere.request");

    /// <summary>One request's arguments and counters across its tries.</summary>
    private sealed class SendState(HttpMethod method, string pathAndQuery, string? json, bool basicAuth, bool anonymous, bool retry)
    {
        public HttpMethod Method { get; } = method;
        public string PathAndQuery { get; } = pathAndQuery;
        public string? Json { get; } = json;
        public bool BasicAuth { get; } = basicAuth;
        public bool Anonymous { get; } = anonymous;
        public bool Retry { get; } = retry;
        public int Attempt { get; set; }
        public int Reauthentications { get; set; }
        /// <summary>Parse a successful answer straight from the stream (<see cref="RawResponse.Document"/>), not into a string.</summary>
        public bool Utf8 { get; init; }
    }

    private async Task<RawResponse> SendOnceAsync(
        HttpMethod method, string pathAndQuery, string? json, bool basicAuth, string? token, CancellationToken cancellationToken, bool utf8 = false)
    {
        var request = (_baseUrl + pathAndQuery).WithClient(_flurl).AllowAnyHttpStatus();
        if (basicAuth)
        {
            request = request.WithBasicAuth(_username, _password.Reveal());
        }
        else if (token is not null)
        {
            request = request.WithHeader(SessionHeader, token);
        }

        using var content = json is null ? null : new StringContent(json, Encoding.UTF8, "application/json");
        using var message = await request.SendAsync(
            method, content, cancellationToken, utf8 ? HttpCompletionOption.ResponseHeadersRead : HttpCompletionOption.ResponseContentRead);
        var sessionId = message.Headers.TryGetValues(SessionHeader, out var values) ? values.FirstOrDefault() : null;
        if (utf8 && IsSuccess(message.StatusCode) && message.Content is not null)
        {
            // A large answer read once: parsed straight from the stream into pooled buffers, never a string or a
            // buffered copy (several MB each on the large object heap, a QueryPerf of 128 VMs is about 4 MB).
            await using var stream = await message.Content.ReadAsStreamAsync(cancellationToken);
            JsonDocument document;
            try
            {
                document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
            }
            catch (JsonException ex)
            {
                throw new VSphereException($"vCenter {_baseUrl}: {method.Method} {PathOnly(pathAndQuery)} answered no JSON ({ex.Message}).", ex);
            }

            return new RawResponse(message.StatusCode, "", RetryAfterOf(message), sessionId) { Document = document };
        }

        var body = message.Content is null ? "" : await message.Content.ReadAsStringAsync(cancellationToken);
        return new RawResponse(message.StatusCode, body, RetryAfterOf(message), sessionId);
    }

    /// <summary>
    /// Called by every request that got a 401 with the token it sent. Only the first of them logs
    /// in; the others see a new token and simply retry.
    /// </summary>
    private async Task ReLoginAsync(string expiredToken, CancellationToken cancellationToken)
    {
        await _loginLock.WaitAsync(cancellationToken);
        try
        {
            if (_token != expiredToken)
            {
                return;
            }

            // A session that answered calls made progress: renew it as often as needed. Only sessions
            // ended again before any answer (refused right after login) count towards giving up.
            if (Volatile.Read(ref _answeredSinceLogin) > 0)
            {
                _refusedInARow = 0;
            }
            else if (++_refusedInARow > _options.MaxReLogins)
            {
                throw new VSphereException(
                    $"vCenter {_baseUrl} kept ending the session ({_options.MaxReLogins} new sessions in a row refused before any call succeeded).");
            }

            _logger.LogInformation("vCenter {Url} session ended; logging in again", _baseUrl);
            await LoginAsync(cancellationToken);
        }
        finally
        {
            _loginLock.Release();
        }
    }

    private TimeSpan Backoff(int attempt)
    {
        var baseMs = _options.BaseDelay.TotalMilliseconds * Math.Pow(2, attempt - 1);
        var jitter = Random.Shared.NextDouble() * _options.BaseDelay.TotalMilliseconds * Math.Pow(2, attempt - 1);
        return TimeSpan.FromMilliseconds(Math.Min(baseMs + jitter, _options.MaxDelay.TotalMilliseconds));
    }

    /// <summary>Counts a failed request; opens the breaker after <see cref="VSphereClientOptions.BreakerFailures"/> in a row, or when one request used all its tries.</summary>
    private void RecordFailure(string reason, bool requestExhausted)
    {
        var inRow = Interlocked.Increment(ref _failuresInRow);
        if ((inRow >= Math.Max(1, _options.BreakerFailures) || requestExhausted) && Interlocked.CompareExchange(ref _goneReason, reason, null) is null)
        {
            _logger.LogError("vCenter {Url} stopped answering ({Failures} failed requests in a row, last: {Reason}); the scan sends no more requests",
                _baseUrl, inRow, reason);
            _gone.Cancel();
        }
    }

    private void ThrowIfGone(HttpMethod method, string pathAndQuery)
    {
        if (_goneReason is { } reason)
        {
            throw new VSphereException($"vCenter {_baseUrl} svarar inte längre ({reason}); {method.Method} {PathOnly(pathAndQuery)} skickades inte.");
        }
    }

    private TimeSpan? RetryAfterOf(HttpResponseMessage message)
    {
        var header = message.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - _time.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }

    /// <summary>
    /// 429 and gateway/service errors are passing. A 503 from guest/identity saying Tools gave no
    /// information is an answer, not an outage (vcenter.json: "if VMware Tools is not running").
    /// </summary>
    private static bool IsRetryable(RawResponse response) =>
        response.Status switch
        {
            HttpStatusCode.TooManyRequests or HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout => true,
            HttpStatusCode.ServiceUnavailable => !IsToolsNotRunning(response.Body),
            _ => false,
        };

    internal static bool IsToolsNotRunning(string body) =>
        body.Contains("information_not_available", StringComparison.Ordinal)
        || body.Contains("VMware Tools", StringComparison.Ordinal);

    private static bool IsTransient(Exception ex, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return false;
        }

        return ex switch
        {
            FlurlHttpTimeoutException => true,
            FlurlHttpException flurl => Innermost(flurl) is not AuthenticationException
                && flurl.InnerException is HttpRequestException or IOException or TaskCanceledException,
            HttpRequestException or IOException => Innermost(ex) is not AuthenticationException,
            TaskCanceledException => true,
            _ => false,
        };
    }

    private static Exception Innermost(Exception ex)
    {
        while (ex.InnerException is not null)
        {
            ex = ex.InnerException;
        }

        return ex;
    }

    private static bool IsSuccess(HttpStatusCode status) => (int)status is >= 200 and < 300;

    /// <summary>/api and /rest answer 401; VI/JSON answers a fault NotAuthenticated (HTTP 500) too.</summary>
    private bool IsSessionEnded(RawResponse response) =>
        response.Status == HttpStatusCode.Unauthorized
        || (Flavor == VSphereApiFlavor.ViJson && response.Status == HttpStatusCode.InternalServerError
            && response.Body.Contains("\"NotAuthenticated\"", StringComparison.Ordinal)
            && ErrorOf(response.Body).ErrorType == "NotAuthenticated");

    private static JsonNode? Parse(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// vAPI error bodies: /api {"error_type": ..., "messages": [...]}; /rest {"type": "...", "value": {"messages": [...]}};
    /// VI/JSON faults {"_typeName": "InvalidArgument", "faultMessage": [{"message": ...}], ...}.
    /// </summary>
    internal static (string? ErrorType, string? Detail) ErrorOf(string body)
    {
        if (Parse(body) is not JsonObject error)
        {
            return (null, null);
        }

        if (error["_typeName"] is JsonValue faultType && faultType.GetValueKind() == JsonValueKind.String)
        {
            var faultMessage = error["faultMessage"] is JsonArray { Count: > 0 } fm ? VmSummary.Str(fm[0], "message") : null;
            var property = VmSummary.Str(error, "invalidProperty");
            return (faultType.GetValue<string>(), faultMessage ?? (property is null ? null : "invalid property " + property));
        }

        var inner = error["value"] as JsonObject ?? error;
        var type = (error["error_type"] ?? error["type"] ?? inner["error_type"])?.GetValueKind() == JsonValueKind.String
            ? (error["error_type"] ?? error["type"] ?? inner["error_type"])!.GetValue<string>()
            : null;
        var message = inner["messages"] is JsonArray { Count: > 0 } messages && messages[0]?["default_message"] is JsonValue text
            ? text.ToString()
            : null;
        if (inner["messages"] is JsonArray { Count: > 0 } ids && ids[0]?["id"] is JsonValue id
            && id.ToString().Contains("too_many_matches", StringComparison.OrdinalIgnoreCase))
        {
            type = (type is null ? "" : type + " ") + id;
        }

        return (type, message);
    }

    private static string Describe(HttpMethod method, string path, RawResponse response)
    {
        var (type, detail) = ErrorOf(response.Body);
        return $"{method.Method} {PathOnly(path)} answered {(int)response.Status} {response.Status}{(type is null ? "" : " " + type)}{(detail is null ? "" : ": " + detail)}";
    }

    private static string PathOnly(string pathAndQuery)
    {
        var q = pathAndQuery.IndexOf('?', StringComparison.Ordinal);
        return q < 0 ? pathAndQuery : pathAndQuery[..q];
    }

    private static string NormalizeBaseUrl(string url)
    {
        var trimmed = url.Trim().TrimEnd('/');
        if (!trimmed.Contains("://", StringComparison.Ordinal))
        {
            trimmed = "https://" + trimmed;
        }

        // A pasted ".../api" or ".../ui" is cut back to the host: the client adds /api or /rest itself.
        // Authority leaves out any user:password@ someone pasted into the URL.
        var uri = new Uri(trimmed);
        return uri.Scheme + "://" + uri.Authority;
    }

    private sealed record RawResponse(HttpStatusCode Status, string Body, TimeSpan? RetryAfter, string? SessionId = null)
    {
        /// <summary>The parsed body when the request asked for a document (then <see cref="Body"/> is empty); the caller disposes it.</summary>
        public JsonDocument? Document { get; init; }
    }
}
