using Microsoft.Extensions.Logging;
using Sourcing.Collector.Inventory;
using Sourcing.Collector.Sources;

namespace Sourcing.Collector.VSphere;

/// <summary>
/// Reads a vCenter's estate (datacenters, clusters, hosts, datastores, VM folders, VMs with
/// details, guest identity and tags) over its REST API. Throws <see cref="VSphereException"/>
/// when the vCenter cannot be read at all; returns Complete = false when a part failed.
/// </summary>
public sealed class VSphereCollector(ILogger<VSphereCollector> logger, TimeProvider time, VSphereClientOptions options) : IResourceCollector
{
    public string Kind => "vsphere";

    public async Task<CollectResult> CollectAsync(SourceDefinition source, IScanProgress progress, CancellationToken cancellationToken)
    {
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

        var client = new VSphereClient(
            source.Url, source.Username, source.Secret, source.Thumbprint, source.Insecure,
            source.MaxConcurrency > 0 ? source.MaxConcurrency : 8, options, time, logger);
        await using (client)
        {
            logger.LogInformation("Scanning vCenter {Url} as {User}", client.BaseUrl, source.Username);
            await client.LoginAsync(cancellationToken);
            var scan = new VSphereScan(client, progress, source.MaxConcurrency > 0 ? source.MaxConcurrency : 8, options, logger);
            IReadOnlyList<ResourceRecord> records;
            try
            {
                records = await scan.RunAsync(cancellationToken);
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
                client.BaseUrl, records.Count, scan.Skipped, client.Calls, errors.Count);
            return new CollectResult(records, errors.Count == 0, scan.Skipped, client.Calls, errors);
        }
    }
}
