using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Sourcing.Tests.Simulators.Azure;

/// <summary>
/// A simulated Azure on loopback: the Resource Manager lists the Azure collector calls (paged with
/// nextLink), and the Microsoft Entra endpoints ClientSecretCredential calls (OpenID configuration,
/// token), and the Resource Graph query the collector sends (objectArray pages with $skipToken, the
/// per-user quota with its x-ms-user-quota-* headers). Misbehaves on request: latency, 429 with
/// Retry-After, 5xx, 403 on a subscription, a subscription Resource Graph does not answer for.
/// </summary>
public sealed class AzureSimulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly AzureSimulatorOptions _options;
    private readonly ConcurrentDictionary<string, bool> _tokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _forbidden = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, bool> _graphHidden = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentQueue<SimulatedRequest> _requests = new();
    private int _throttle;
    private int _throttleSeconds = 1;
    private int _failures;
    private int _failureStatus = 503;
    private readonly Lock _quotaGate = new();
    private DateTimeOffset _quotaWindowStart = DateTimeOffset.MinValue;
    private int _quotaUsed;
    private int _graphThrottled;

    private AzureSimulator(WebApplication app, AzureSimulatorOptions options, AzureEstate estate, string? thumbprint)
    {
        _app = app;
        _options = options;
        Estate = estate;
        Thumbprint = thumbprint;
        foreach (var index in options.ForbiddenSubscriptions)
        {
            _forbidden[estate.Subscriptions[index].Id] = true;
        }

        foreach (var index in options.ResourceGraphHiddenSubscriptions)
        {
            _graphHidden[estate.Subscriptions[index].Id] = true;
        }
    }

    public AzureEstate Estate { get; }

    /// <summary>http(s)://127.0.0.1:port/ — the ARM endpoint and the authority host at once.</summary>
    public Uri BaseUri { get; private set; } = null!;

    /// <summary>SHA-256 of the self-signed certificate (HTTPS only): the source's thumbprint pin.</summary>
    public string? Thumbprint { get; }

    public AzureSimulatorOptions Options => _options;

    public IReadOnlyCollection<SimulatedRequest> Requests => _requests;

    /// <summary>ARM calls served (token and metadata calls not counted), including refused ones.</summary>
    public int ArmCalls => _requests.Count(r => r.Path.StartsWith("/subscriptions", StringComparison.OrdinalIgnoreCase));

    /// <summary>Resource Graph queries served (pages), refused ones included.</summary>
    public int GraphCalls => _requests.Count(r => r.Path.Contains("Microsoft.ResourceGraph", StringComparison.OrdinalIgnoreCase));

    /// <summary>Resource Graph queries refused with 429 because the caller's quota was spent.</summary>
    public int GraphThrottled => Volatile.Read(ref _graphThrottled);

    public static async Task<AzureSimulator> StartAsync(AzureSimulatorOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var estate = new AzureEstate(options);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        string? thumbprint = null;
        X509Certificate2? certificate = null;
        if (options.Https)
        {
            certificate = Certificate(options.CertificatePath);
            thumbprint = Convert.ToHexString(SHA256.HashData(certificate.RawData));
        }

        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, options.Port, listen =>
        {
            if (certificate is not null)
            {
                listen.UseHttps(certificate);
            }
        }));
        var app = builder.Build();
        var simulator = new AzureSimulator(app, options, estate, thumbprint);
        app.Run(simulator.HandleAsync);
        await app.StartAsync(cancellationToken);
        var address = app.Urls.First();
        simulator.BaseUri = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/') + "/");
        return simulator;
    }

    /// <summary>The next <paramref name="count"/> ARM requests answer 429 with Retry-After.</summary>
    public void ThrottleNext(int count, int retryAfterSeconds)
    {
        Volatile.Write(ref _throttleSeconds, retryAfterSeconds);
        Volatile.Write(ref _throttle, count);
    }

    /// <summary>The next <paramref name="count"/> ARM requests fail with <paramref name="status"/> (5xx: transient).</summary>
    public void FailNext(int count, int status = 503)
    {
        Volatile.Write(ref _failureStatus, status);
        Volatile.Write(ref _failures, count);
    }

    public void Forbid(string subscriptionId) => _forbidden[subscriptionId] = true;

    /// <summary>Deletes a resource as the portal would; the next scan must not see it.</summary>
    public bool Remove(string resourceId) => Estate.Remove(resourceId);

    /// <summary>The source settings that point the real collector at this simulator (HTTPS only).</summary>
    public JsonObject SourceSettings(IEnumerable<string>? subscriptions = null) => new()
    {
        ["tenantId"] = _options.TenantId,
        ["subscriptions"] = new JsonArray([.. (subscriptions ?? []).Select(s => (JsonNode?)JsonValue.Create(s))]),
        ["credential"] = "secret",
        ["clientId"] = _options.ClientId,
        ["armEndpoint"] = BaseUri.AbsoluteUri,
        ["authorityHost"] = BaseUri.AbsoluteUri,
    };

    /// <summary>The `sourcing source add azure` line that registers this simulator as a real source (HTTPS only).</summary>
    public string DemoSourceCommand(string name, string secretEnv) =>
        $"source add azure --name {name} --tenant {_options.TenantId} --client-id {_options.ClientId} --secret-env {secretEnv} "
        + $"--arm-endpoint {BaseUri.AbsoluteUri} --authority {BaseUri.AbsoluteUri} --thumbprint {Thumbprint}";

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var path = request.Path.Value ?? "/";
        if (_options.Latency > TimeSpan.Zero)
        {
            await Task.Delay(_options.Latency, context.RequestAborted);
        }

        var status = await DispatchAsync(context, path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries));
        _requests.Enqueue(new SimulatedRequest(DateTimeOffset.UtcNow, request.Method, path, request.QueryString.Value ?? "", status));
    }

    private async Task<int> DispatchAsync(HttpContext context, string[] segments)
    {
        var s = segments.Select(x => x.ToLowerInvariant()).ToArray();
        if (s.Length == 4 && s[1] == "v2.0" && s[2] == ".well-known" && s[3] == "openid-configuration")
        {
            return await Json(context, 200, OpenIdConfiguration(context, segments[0]));
        }

        if (s.Length == 4 && s[1] == "oauth2" && s[2] == "v2.0" && s[3] == "token" && HttpMethods.IsPost(context.Request.Method))
        {
            return await TokenAsync(context, segments[0]);
        }

        if (s.Length == 3 && s[0] == "common" && s[1] == "discovery" && s[2] == "instance")
        {
            return await Json(context, 200, InstanceDiscovery(context));
        }

        var isGraph = s is ["providers", "microsoft.resourcegraph", "resources"];
        if (!isGraph && (s.Length == 0 || s[0] != "subscriptions"))
        {
            return await Error(context, 404, "NotFound", $"The simulator does not serve {context.Request.Path}.");
        }

        var authorization = context.Request.Headers.Authorization.ToString();
        if (!authorization.StartsWith("Bearer ", StringComparison.Ordinal) || !_tokens.ContainsKey(authorization["Bearer ".Length..]))
        {
            context.Response.Headers.WWWAuthenticate = "Bearer authorization_uri=\"https://login.microsoftonline.com/common\", error=\"invalid_token\"";
            return await Error(context, 401, "InvalidAuthenticationToken", "The access token is invalid.");
        }

        if (TryTake(ref _throttle))
        {
            context.Response.Headers.RetryAfter = Volatile.Read(ref _throttleSeconds).ToString(CultureInfo.InvariantCulture);
            return await Error(context, 429, "TooManyRequests", "The request is being throttled as the limit has been reached for operation type - Read.");
        }

        if (TryTake(ref _failures))
        {
            return await Error(context, Volatile.Read(ref _failureStatus), "ServiceUnavailable", "The service is temporarily unavailable.");
        }

        if (isGraph)
        {
            return await ResourceGraphAsync(context);
        }

        context.Response.Headers["x-ms-ratelimit-remaining-subscription-reads"] = "11999";
        if (s.Length == 1)
        {
            return await Page(context, Estate.Subscriptions, Subscription);
        }

        var subscription = Estate.Subscription(segments[1]);
        if (subscription is null)
        {
            return await Error(context, 404, "SubscriptionNotFound", $"The subscription '{segments[1]}' could not be found.");
        }

        if (_forbidden.ContainsKey(subscription.Id))
        {
            return await Error(context, 403, "AuthorizationFailed",
                $"The client '{_options.ClientId}' does not have authorization to perform action 'Microsoft.Resources/subscriptions/read' over scope '/subscriptions/{subscription.Id}' or the scope is invalid.");
        }

        var resources = Estate.Resources(subscription);
        var query = context.Request.Query;
        var statusOnly = string.Equals(query["statusOnly"], "true", StringComparison.OrdinalIgnoreCase);
        return s[2..] switch
        {
            [] => await Json(context, 200, Subscription(subscription)),
            ["resourcegroups"] => await Page(context, subscription.Groups, g => ResourceGroup(subscription, g)),
            ["resources"] => await Page(context, resources, r => GenericJson(r, query["$expand"].ToString())),
            ["providers", "microsoft.compute", "virtualmachines"] => await Page(context,
                [.. resources.Where(r => r.Vm is not null)], r => statusOnly ? StatusJson(r) : r.Vm!.DeepClone()),
            ["providers", "microsoft.compute", "disks"] => await Page(context, [.. resources.Where(r => r.Disk is not null)], r => r.Disk!.DeepClone()),
            _ => await Error(context, 404, "NotFound", $"The simulator does not serve {context.Request.Path}."),
        };
    }

    /// <summary>
    /// POST /providers/Microsoft.ResourceGraph/resources: the collector's inventory query only (it does not
    /// run KQL), over the requested subscriptions the caller may read, ordered by id, $top rows a page.
    /// </summary>
    private async Task<int> ResourceGraphAsync(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            return await Error(context, 405, "MethodNotAllowed", "Resource Graph queries are POSTed.");
        }

        if (!Quota(context))
        {
            Interlocked.Increment(ref _graphThrottled);
            return await Error(context, 429, "RateLimiting", "Please provide below info when asking for support: ... Client application has been throttled and should not attempt to repeat the request until an amount of time has elapsed.");
        }

        JsonObject? body;
        try
        {
            body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            body = null;
        }

        var query = body?["query"]?.GetValue<string>() ?? "";
        if (!query.Contains("resourcecontainers", StringComparison.OrdinalIgnoreCase) || !query.Contains("union resources", StringComparison.OrdinalIgnoreCase))
        {
            return await Error(context, 400, "BadRequest", "The simulator answers the collector's inventory query only.");
        }

        var options = body!["options"] as JsonObject;
        var top = Math.Clamp(options?["$top"]?.GetValue<int>() ?? 100, 1, 1000);
        var skip = 0;
        if (options?["$skipToken"]?.GetValue<string>() is { } token)
        {
            try
            {
                skip = int.Parse(System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(token)).Split(':')[1], CultureInfo.InvariantCulture);
            }
            catch (Exception e) when (e is FormatException or IndexOutOfRangeException)
            {
                return await Error(context, 400, "InvalidSkipToken", "The $skipToken is not valid.");
            }
        }

        var requested = (body["subscriptions"] as JsonArray ?? []).Select(n => n?.GetValue<string>()).OfType<string>();
        var rows = new List<(string Id, Func<JsonObject> Json)>();
        foreach (var subscription in requested.Select(Estate.Subscription).OfType<EstateSubscription>().Distinct())
        {
            if (_forbidden.ContainsKey(subscription.Id) || _graphHidden.ContainsKey(subscription.Id))
            {
                continue; // Resource Graph answers only for subscriptions the caller can read through it
            }

            var sub = subscription;
            rows.Add(($"/subscriptions/{sub.Id}", () => GraphSubscription(sub)));
            foreach (var group in sub.Groups)
            {
                rows.Add(($"/subscriptions/{sub.Id}/resourceGroups/{group.Name}", () => GraphGroup(sub, group)));
            }

            foreach (var resource in Estate.Resources(sub))
            {
                rows.Add((resource.Id, () => GraphResource(sub, resource)));
            }
        }

        rows.Sort((a, b) => StringComparer.OrdinalIgnoreCase.Compare(a.Id, b.Id));
        var page = rows.Skip(skip).Take(top).Select(r => (JsonNode?)r.Json()).ToList();
        var result = new JsonObject
        {
            ["totalRecords"] = rows.Count,
            ["count"] = page.Count,
            ["resultTruncated"] = "false",
        };
        if (skip + page.Count < rows.Count)
        {
            result["$skipToken"] = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"sim:{skip + page.Count}:{Guid.NewGuid():N}"));
        }

        result["data"] = new JsonArray([.. page]);
        return await Json(context, 200, result);
    }

    /// <summary>Counts the query against the caller's window and sets the quota headers; false when the quota is spent.</summary>
    private bool Quota(HttpContext context)
    {
        int remaining;
        TimeSpan resetsAfter;
        bool allowed;
        lock (_quotaGate)
        {
            var now = DateTimeOffset.UtcNow;
            if (now >= _quotaWindowStart + _options.ResourceGraphQuotaWindow)
            {
                _quotaWindowStart = now;
                _quotaUsed = 0;
            }

            allowed = _quotaUsed < _options.ResourceGraphQuota;
            if (allowed)
            {
                _quotaUsed++;
            }

            remaining = _options.ResourceGraphQuota - _quotaUsed;
            resetsAfter = _quotaWindowStart + _options.ResourceGraphQuotaWindow - now;
        }

        // Whole seconds, rounded up, as the service writes them ("00:00:03").
        var seconds = Math.Max(1, (int)Math.Ceiling(resetsAfter.TotalSeconds));
        context.Response.Headers["x-ms-user-quota-remaining"] = remaining.ToString(CultureInfo.InvariantCulture);
        context.Response.Headers["x-ms-user-quota-resets-after"] = TimeSpan.FromSeconds(seconds).ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture);
        return allowed;
    }

    private static JsonObject GraphSubscription(EstateSubscription subscription) => new()
    {
        ["id"] = $"/subscriptions/{subscription.Id}",
        ["name"] = subscription.DisplayName,
        ["type"] = "microsoft.resources/subscriptions",
        ["kind"] = "",
        ["location"] = "",
        ["resourceGroup"] = "",
        ["subscriptionId"] = subscription.Id,
        ["managedBy"] = "",
        ["sku"] = null,
        ["tags"] = new JsonObject(),
        ["zones"] = null,
        ["properties"] = new JsonObject { ["state"] = "Enabled", ["subscriptionPolicies"] = new JsonObject { ["quotaId"] = "EnterpriseAgreement_2014-09-01" } },
    };

    private static JsonObject GraphGroup(EstateSubscription subscription, EstateGroup group) => new()
    {
        ["id"] = $"/subscriptions/{subscription.Id}/resourceGroups/{group.Name}",
        ["name"] = group.Name,
        ["type"] = "microsoft.resources/subscriptions/resourcegroups",
        ["kind"] = "",
        ["location"] = group.Location,
        ["resourceGroup"] = group.Name.ToLowerInvariant(),
        ["subscriptionId"] = subscription.Id,
        ["managedBy"] = "",
        ["sku"] = null,
        ["tags"] = new JsonObject([.. group.Tags.Select(t => KeyValuePair.Create(t.Key, (JsonNode?)JsonValue.Create(t.Value)))]),
        ["zones"] = null,
        ["properties"] = new JsonObject { ["provisioningState"] = "Succeeded" },
    };

    /// <summary>A Resources row as Resource Graph projects it: lower-case type, "" for no kind or managedBy, full properties.</summary>
    private static JsonObject GraphResource(EstateSubscription subscription, EstateResource resource)
    {
        var generic = resource.Generic;
        JsonObject properties;
        if (resource.Vm is not null)
        {
            properties = (JsonObject)resource.Vm["properties"]!.DeepClone();
            var view = resource.InstanceView!;
            var power = view["statuses"]!.AsArray().First(x => x!["code"]!.GetValue<string>().StartsWith("PowerState/", StringComparison.Ordinal))!;
            properties["extended"] = new JsonObject
            {
                ["instanceView"] = new JsonObject
                {
                    ["computerName"] = view["computerName"]?.DeepClone(),
                    ["osName"] = view["osName"]?.DeepClone(),
                    ["osVersion"] = view["osVersion"]?.DeepClone(),
                    ["powerState"] = new JsonObject { ["code"] = power["code"]!.DeepClone(), ["level"] = "Info", ["displayStatus"] = power["displayStatus"]!.DeepClone() },
                },
            };
        }
        else if (resource.Disk is not null)
        {
            properties = (JsonObject)resource.Disk["properties"]!.DeepClone();
        }
        else
        {
            properties = new JsonObject { ["provisioningState"] = "Succeeded" };
        }

        var group = resource.Id.Split('/')[4];
        return new JsonObject
        {
            ["id"] = resource.Id,
            ["name"] = generic["name"]!.DeepClone(),
            ["type"] = resource.Type.ToLowerInvariant(),
            ["kind"] = generic["kind"]?.DeepClone() ?? "",
            ["location"] = generic["location"]!.DeepClone(),
            ["resourceGroup"] = group.ToLowerInvariant(),
            ["subscriptionId"] = subscription.Id,
            ["managedBy"] = generic["managedBy"]?.DeepClone() ?? "",
            ["sku"] = generic["sku"]?.DeepClone(),
            ["tags"] = generic["tags"]!.DeepClone(),
            ["zones"] = resource.Vm?["zones"]?.DeepClone(),
            ["properties"] = properties,
        };
    }

    private static bool TryTake(ref int counter)
    {
        while (true)
        {
            var current = Volatile.Read(ref counter);
            if (current <= 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref counter, current - 1, current) == current)
            {
                return true;
            }
        }
    }

    private async Task<int> TokenAsync(HttpContext context, string tenant)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        if (!string.Equals(tenant, _options.TenantId, StringComparison.OrdinalIgnoreCase))
        {
            return await Json(context, 400, new JsonObject
            {
                ["error"] = "invalid_request",
                ["error_description"] = $"AADSTS90002: Tenant '{tenant}' not found.",
                ["error_codes"] = new JsonArray(90002),
            });
        }

        var secretOk = string.Equals(form["client_secret"], _options.ClientSecret, StringComparison.Ordinal);
        var assertion = !string.IsNullOrEmpty(form["client_assertion"]);
        if (!string.Equals(form["client_id"], _options.ClientId, StringComparison.OrdinalIgnoreCase) || !(secretOk || assertion))
        {
            return await Json(context, 401, new JsonObject
            {
                ["error"] = "invalid_client",
                ["error_description"] = $"AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '{_options.ClientId}'.",
                ["error_codes"] = new JsonArray(7000215),
            });
        }

        var token = "sim." + Guid.NewGuid().ToString("N");
        _tokens[token] = true;
        return await Json(context, 200, new JsonObject
        {
            ["token_type"] = "Bearer",
            ["expires_in"] = 3599,
            ["ext_expires_in"] = 3599,
            ["access_token"] = token,
        });
    }

    private static JsonObject OpenIdConfiguration(HttpContext context, string tenant)
    {
        var authority = $"{Origin(context)}/{tenant}";
        return new JsonObject
        {
            ["token_endpoint"] = $"{authority}/oauth2/v2.0/token",
            ["token_endpoint_auth_methods_supported"] = new JsonArray("client_secret_post", "private_key_jwt", "client_secret_basic"),
            ["jwks_uri"] = $"{authority}/discovery/v2.0/keys",
            ["response_modes_supported"] = new JsonArray("query", "fragment", "form_post"),
            ["subject_types_supported"] = new JsonArray("pairwise"),
            ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
            ["response_types_supported"] = new JsonArray("code", "id_token", "code id_token", "id_token token"),
            ["scopes_supported"] = new JsonArray("openid", "profile", "email", "offline_access"),
            ["issuer"] = $"{authority}/v2.0",
            ["authorization_endpoint"] = $"{authority}/oauth2/v2.0/authorize",
            ["device_authorization_endpoint"] = $"{authority}/oauth2/v2.0/devicecode",
            ["end_session_endpoint"] = $"{authority}/oauth2/v2.0/logout",
            ["tenant_region_scope"] = "EU",
        };
    }

    private static JsonObject InstanceDiscovery(HttpContext context)
    {
        var host = context.Request.Host.Value;
        return new JsonObject
        {
            ["tenant_discovery_endpoint"] = $"{Origin(context)}/common/v2.0/.well-known/openid-configuration",
            ["api-version"] = "1.1",
            ["metadata"] = new JsonArray(new JsonObject
            {
                ["preferred_network"] = host,
                ["preferred_cache"] = host,
                ["aliases"] = new JsonArray(host),
            }),
        };
    }

    /// <summary>One page of a list; nextLink is absolute, on the host and scheme the client used.</summary>
    private async Task<int> Page<T>(HttpContext context, IReadOnlyList<T> items, Func<T, JsonNode> json)
    {
        var query = context.Request.Query;
        var skip = int.TryParse(query["$skiptoken"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var token) ? token : 0;
        var page = items.Skip(skip).Take(_options.PageSize).Select(json).ToList();
        var body = new JsonObject { ["value"] = new JsonArray([.. page]) };
        if (skip + page.Count < items.Count)
        {
            var kept = string.Join("&", query.Where(q => q.Key != "$skiptoken").Select(q => $"{q.Key}={Uri.EscapeDataString(q.Value.ToString())}"));
            body["nextLink"] = $"{Origin(context)}{context.Request.Path}?{kept}&$skiptoken={skip + page.Count}";
        }

        return await Json(context, 200, body);
    }

    /// <summary>The origin the client believes it talks to: tests rewrite https://management.azure.com to loopback and say so in the headers.</summary>
    private static string Origin(HttpContext context)
    {
        var scheme = context.Request.Headers["X-Forwarded-Proto"].FirstOrDefault() ?? context.Request.Scheme;
        return $"{scheme}://{context.Request.Host}";
    }

    private JsonNode Subscription(EstateSubscription subscription) => new JsonObject
    {
        ["id"] = $"/subscriptions/{subscription.Id}",
        ["subscriptionId"] = subscription.Id,
        ["tenantId"] = _options.TenantId,
        ["displayName"] = subscription.DisplayName,
        ["state"] = "Enabled",
        ["subscriptionPolicies"] = new JsonObject { ["locationPlacementId"] = "Public_2014-09-01", ["quotaId"] = "EnterpriseAgreement_2014-09-01", ["spendingLimit"] = "Off" },
        ["authorizationSource"] = "RoleBased",
    };

    private static JsonObject ResourceGroup(EstateSubscription subscription, EstateGroup group) => new JsonObject
    {
        ["id"] = $"/subscriptions/{subscription.Id}/resourceGroups/{group.Name}",
        ["name"] = group.Name,
        ["type"] = "Microsoft.Resources/resourceGroups",
        ["location"] = group.Location,
        ["tags"] = new JsonObject([.. group.Tags.Select(t => KeyValuePair.Create(t.Key, (JsonNode?)JsonValue.Create(t.Value)))]),
        ["properties"] = new JsonObject { ["provisioningState"] = "Succeeded" },
    };

    /// <summary>Resources_List answers createdTime/changedTime/provisioningState only when `$expand` asks.</summary>
    private static JsonObject GenericJson(EstateResource resource, string expand)
    {
        var json = (JsonObject)resource.Generic.DeepClone();
        if (expand.Contains("createdTime", StringComparison.OrdinalIgnoreCase))
        {
            json["createdTime"] = resource.CreatedTime;
        }

        if (expand.Contains("changedTime", StringComparison.OrdinalIgnoreCase))
        {
            json["changedTime"] = resource.CreatedTime;
        }

        if (expand.Contains("provisioningState", StringComparison.OrdinalIgnoreCase))
        {
            json["provisioningState"] = "Succeeded";
        }

        return json;
    }

    private static JsonObject StatusJson(EstateResource resource) => new JsonObject
    {
        ["name"] = resource.Vm!["name"]!.DeepClone(),
        ["id"] = resource.Id,
        ["type"] = "Microsoft.Compute/virtualMachines",
        ["location"] = resource.Vm!["location"]!.DeepClone(),
        ["properties"] = new JsonObject { ["instanceView"] = resource.InstanceView!.DeepClone() },
    };

    private static async Task<int> Error(HttpContext context, int status, string code, string message) =>
        await Json(context, status, new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } });

    private static async Task<int> Json(HttpContext context, int status, JsonNode body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers["x-ms-request-id"] = Guid.NewGuid().ToString();
        await context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
        return status;
    }

    private static X509Certificate2 Certificate(string? path)
    {
        if (path is not null && File.Exists(path))
        {
            return X509CertificateLoader.LoadPkcs12FromFile(path, null);
        }

        var certificate = SelfSignedCertificate();
        if (path is not null)
        {
            File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx));
        }

        return certificate;
    }

    private static X509Certificate2 SelfSignedCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=Sourcing Azure Simulator", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        var now = DateTimeOffset.UtcNow;
        using var created = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(30));
        // Kestrel on Linux needs the key in a persisted (PKCS#12-loaded) form.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
    }
}
