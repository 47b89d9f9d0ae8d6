using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Sourcing.Collector.Inventory;
using Sourcing.Collector.Sources;

namespace Sourcing.Collector.VSphere;

/// <summary>
/// Reads a vCenter's estate (datacenters, clusters, hosts, datastores, VM folders, VMs with
/// details, guest identity and tags). A vCenter 8.0 U1 or later (its ServiceInstance <c>about</c>
/// says so) is read through VI/JSON bulk reads, a few calls per thousand VMs; 7.x, and any vCenter
/// whose VI/JSON does not answer, through the Automation REST API, about two calls per VM. Both paths
/// produce the same records. Throws <see cref="VSphereException"/> when the vCenter cannot be read
/// at all; returns Complete = false when a part failed.
/// </summary>
public sealed class VSphereCollector(ILogger<VSphereCollector> logger, TimeProvider time, VSphereClientOptions options) : IResourceCollector
{
    public string Kind => "vsphere";

    public async Task<CollectResult> CollectAsync(SourceDefinition source, IScanProgress progress, CancellationToken cancellationToken)
    {
        var list = new ListSink();
        var result = await CollectAsync(source, list, progress, cancellationToken);
        return result with { Resources = list.Records };
    }

    /// <summary>Streams: VMs go to <paramref name="sink"/> as they are read and mapped (a page of VI/JSON, a batch of REST details).</summary>
    public async Task<CollectResult> CollectAsync(SourceDefinition source, IResourceSink sink, IScanProgress progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(progress);
        if (string.IsNullOrWhiteSpace(source.Url) || string.IsNullOrWhiteSpace(source.Username) || source.Secret is null)
        {
            throw new VSphereException($"vSphere source '{source.Name}' needs a URL, a user name and a password.");
        }

        if (source.Insecure)
        {
            logger.LogWarning(
                "vSphere source {Source} ({Url}) accepts any TLS certificate (Insecure); the password can be intercepted. Pin the thumbprint instead.",
                source.Name, source.Url);
        }

        var client = NewClient(source);
        await using (client)
        {
            logger.LogInformation("Scanning vCenter {Url} as {User}", client.BaseUrl, source.Username);
            if (options.PreferViJson && await ProbeViJsonAsync(client, cancellationToken) is { } viJson)
            {
                var vim = NewClient(source);
                await using (vim)
                {
                    vim.UseViJson(viJson.Release);
                    try
                    {
                        await vim.LoginAsync(cancellationToken);
                    }
                    catch (VSphereException ex) when (!ex.LoginRefused)
                    {
                        logger.LogWarning("vCenter {Url}: VI/JSON login failed ({Message}); reading through the Automation API", client.BaseUrl, ex.Message);
                        var fallback = await CollectRestAsync(client, source, sink, progress, cancellationToken);
                        return fallback with { Calls = fallback.Calls + vim.Calls };
                    }

                    return await CollectViJsonAsync(vim, client, viJson, source, sink, progress, cancellationToken);
                }
            }

            return await CollectRestAsync(client, source, sink, progress, cancellationToken);
        }
    }

    private VSphereClient NewClient(SourceDefinition source) => new(
        source.Url!, source.Username!, source.Secret!, source.Thumbprint, source.Insecure,
        source.MaxConcurrency > 0 ? source.MaxConcurrency : 8, options, time, logger);

    private static int Concurrency(SourceDefinition source) => source.MaxConcurrency > 0 ? source.MaxConcurrency : 8;

    /// <summary>
    /// GET ServiceInstance content of the first VI/JSON release (8.0.1.0), no session needed: a 7.x
    /// vCenter answers 404; an 8.0 U1+ vCenter names its release in about.apiVersion.
    /// </summary>
    private async Task<(string Release, JsonObject Content)?> ProbeViJsonAsync(VSphereClient client, CancellationToken cancellationToken)
    {
        var (status, body) = await client.GetAnonymousAsync(ViJsonPaths.ServiceContent(ViJsonPaths.ProbeRelease), cancellationToken);
        if (status != HttpStatusCode.OK || body is not JsonObject content || content["about"] is not JsonObject about)
        {
            logger.LogInformation("vCenter {Url} serves no VI/JSON ({Status}); reading through the Automation API", client.BaseUrl, (int)status);
            return null;
        }

        var apiVersion = ViJson.Str(about["apiVersion"]);
        if (!Version.TryParse(apiVersion, out var version) || version < Version.Parse(ViJsonPaths.ProbeRelease))
        {
            logger.LogInformation("vCenter {Url} is {Version}; VI/JSON needs 8.0.1.0, reading through the Automation API", client.BaseUrl, apiVersion);
            return null;
        }

        logger.LogInformation("vCenter {Url} is {FullName}; reading through VI/JSON {Release}", client.BaseUrl, ViJson.Str(about["fullName"]), apiVersion);
        return (apiVersion!, content);
    }

    private async Task<CollectResult> CollectViJsonAsync(
        VSphereClient vim, VSphereClient rest, (string Release, JsonObject Content) viJson, SourceDefinition source, IResourceSink sink,
        IScanProgress progress, CancellationToken cancellationToken)
    {
        var count = 0;
        var tagScan = new VSphereScan(rest, progress, Concurrency(source), options, logger);
        var scan = new ViJsonScan(vim, tagScan, viJson.Content, progress, options, logger);
        var statistics = new StatisticsRead([], null);
        try
        {
            await rest.LoginAsync(cancellationToken);
            await scan.RunAsync(async (batch, token) =>
            {
                count += batch.Count;
                await sink.AddAsync(batch, token);
            }, cancellationToken);
            if (options.ReadStatistics)
            {
                // After the inventory, and never at its cost: a failed read is a message, not a failed or partial scan.
                statistics = await new ViJsonStatistics(vim, viJson.Content, options, time, logger)
                    .ReadAsync(scan.VmIds, source.StatisticsKnownThrough, cancellationToken);
            }
        }
        finally
        {
            using var logout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await vim.LogoutAsync(logout.Token);
            await rest.LogoutAsync(logout.Token);
        }

        var errors = scan.Errors;
        var calls = vim.Calls + rest.Calls;
        logger.LogInformation(
            "vCenter {Url} (VI/JSON {Release}): {Count} resources, {Calls} calls, {Logins} sessions, {Errors} errors",
            vim.BaseUrl, viJson.Release, count, calls, vim.Logins, errors.Count);
        // The statistics' message is listed with the scan's errors (the scans page shows them) but leaves the inventory
        // complete: marking the scan partial would stop removals, which a missing statistics read has no reason to.
        return new CollectResult([], errors.Count == 0, 0, calls, statistics.Message is { } message ? [.. errors, message] : errors)
        {
            ApiPath = "VI/JSON " + viJson.Release,
            UtilisationHistory = statistics.History,
        };
    }

    private async Task<CollectResult> CollectRestAsync(
        VSphereClient client, SourceDefinition source, IResourceSink sink, IScanProgress progress, CancellationToken cancellationToken)
    {
        await client.LoginAsync(cancellationToken);
        var scan = new VSphereScan(client, progress, Concurrency(source), options, logger);
        int count;
        try
        {
            count = await scan.RunAsync(sink, cancellationToken);
        }
        finally
        {
            // Also after a failure or cancellation: vCenter limits concurrent sessions per user.
            using var logout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await client.LogoutAsync(logout.Token);
        }

        var errors = scan.Errors;
        logger.LogInformation(
            "vCenter {Url}: {Count} resources, {Skipped} VMs skipped, {Calls} calls, {Errors} errors",
            client.BaseUrl, count, scan.Skipped, client.Calls, errors.Count);
        return new CollectResult([], errors.Count == 0, scan.Skipped, client.Calls, errors)
        {
            ApiPath = client.Flavor == VSphereApiFlavor.Rest ? "REST /rest" : "REST /api",
        };
    }
}
