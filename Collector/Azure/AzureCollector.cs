using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.ResourceManager;
using Azure.ResourceManager.Compute;
using Azure.ResourceManager.Compute.Models;
using Azure.ResourceManager.Resources;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sourcing.Collector.Inventory;
using Sourcing.Collector.Sources;

namespace Sourcing.Collector.Azure;

/// <summary>
/// Reads an Azure estate. First the subscriptions the credential sees (Resource Manager), then by
/// default one Azure Resource Graph query across all of them (resources, VMs with power state, disks,
/// resource group tags; 1,000 rows a page, within the caller's query quota). A subscription Resource
/// Graph cannot read, or every subscription when Resource Graph cannot be queried, is read through
/// the Resource Manager lists: per subscription five paged lists side by side (resource groups, every
/// resource, VMs, VM power states, managed disks). Lists only, never one call per VM: `statusOnly=true`
/// gives every VM's instance view in the list, since `$expand=instanceView` on the list needs a VM
/// scale set filter.
/// </summary>
public sealed class AzureCollector(IOptions<AzureCollectorOptions> options, ILogger<AzureCollector> logger, TimeProvider? time = null) : IResourceCollector
{
    public const string ResourceGraphPath = "Resource Graph";
    public const string ListsPath = "ARM-listor";

    /// <summary>Resources list extras (Resources_List `$expand`): not returned unless asked for.</summary>
    private const string ResourceExpand = "createdTime,changedTime,provisioningState";

    public string Kind => "azure";

    public async Task<CollectResult> CollectAsync(SourceDefinition source, IScanProgress progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(progress);
        var settings = AzureSourceSettings.From(source.Settings);
        var counter = new CallCountingPolicy();
        var raw = new RawJsonCapturePolicy();
        var transport = options.Value.TransportFactory?.Invoke(source);
        var ownTransport = transport is null ? AzureTransport.Create(source.Thumbprint) : null;
        try
        {
            transport ??= ownTransport!;
            var value = options.Value;
            var credential = AzureCredentialFactory.Create(source, settings, transport, retry =>
            {
                retry.MaxRetries = Math.Min(3, value.MaxRetries);
                retry.Delay = value.RetryDelay;
                retry.MaxDelay = value.MaxRetryDelay;
            });
            var clientOptions = ClientOptions(settings, transport, counter, raw);
            var client = new ArmClient(credential, default, clientOptions);
            logger.LogInformation(
                "Azure source {Source}: tenant {Tenant}, credential {Credential}, endpoint {Endpoint}",
                source.Name, settings.TenantId, settings.Credential, settings.ArmEndpoint?.ToString() ?? "public Azure");

            var errors = new ConcurrentQueue<string>();
            // Named on the scan page without making it partial: the subscription was still read in full.
            var notes = new ConcurrentQueue<string>();
            var subscriptions = await SubscriptionsAsync(client, settings, errors, cancellationToken);
            var total = subscriptions.Count + errors.Count;
            if (subscriptions.Count == 0)
            {
                throw new AzureCollectException(errors.IsEmpty
                    ? $"The credential of Azure source '{source.Name}' sees no subscriptions."
                    : $"No subscription of Azure source '{source.Name}' could be read: {string.Join("; ", errors)}");
            }

            var done = errors.Count;
            var resourceCount = 0;
            progress.Report(done, total, $"{total} prenumerationer");
            var results = new ConcurrentBag<ResourceRecord>();
            var listed = subscriptions;
            var graphRead = 0;
            string apiPath = ListsPath;
            if (value.UseResourceGraph)
            {
                var graph = await ResourceGraphAsync(credential, clientOptions, subscriptions, results, notes,
                    rows => progress.Report(Volatile.Read(ref done), total, $"{Interlocked.Add(ref resourceCount, rows)} resurser (Resource Graph)"),
                    cancellationToken);
                if (graph is not null)
                {
                    listed = graph;
                    graphRead = subscriptions.Count - graph.Count;
                    done += graphRead;
                    apiPath = graph.Count == 0 ? ResourceGraphPath : $"{ResourceGraphPath} + {ListsPath} ({graph.Count} av {subscriptions.Count} prenumerationer)";
                }
            }

            var failed = 0;
            using var gate = new SemaphoreSlim(Math.Clamp(source.MaxConcurrency, 1, 64));
            await Task.WhenAll(listed.Select(async subscription =>
            {
                await gate.WaitAsync(cancellationToken);
                try
                {
                    var inventory = await ReadSubscriptionAsync(subscription, raw, errors, count =>
                        progress.Report(Volatile.Read(ref done), total, $"{Interlocked.Add(ref resourceCount, count)} resurser"), cancellationToken);
                    if (inventory is null)
                    {
                        Interlocked.Increment(ref failed);
                    }
                    else
                    {
                        foreach (var record in AzureResourceMapper.Map(inventory))
                        {
                            results.Add(record);
                        }
                    }
                }
                finally
                {
                    gate.Release();
                    var finished = Interlocked.Increment(ref done);
                    progress.Report(finished, total, $"{finished} av {total} prenumerationer, {Volatile.Read(ref resourceCount)} resurser");
                }
            }));

            if (graphRead == 0 && failed == listed.Count)
            {
                throw new AzureCollectException($"No subscription of Azure source '{source.Name}' could be read: {string.Join("; ", errors)}");
            }

            var records = results.OrderBy(r => r.ExternalId, StringComparer.Ordinal).ToList();
            logger.LogInformation(
                "Azure source {Source} ({Path}): {Resources} resources from {Subscriptions} subscriptions in {Calls} calls, {Errors} errors",
                source.Name, apiPath, records.Count, subscriptions.Count - failed, counter.Calls, errors.Count + notes.Count);
            return new CollectResult(records, errors.IsEmpty, 0, counter.Calls, [.. notes, .. errors]) { ApiPath = apiPath };
        }
        finally
        {
            ownTransport?.Dispose();
        }
    }

    private ArmClientOptions ClientOptions(AzureSourceSettings settings, HttpPipelineTransport transport, CallCountingPolicy counter, RawJsonCapturePolicy raw)
    {
        var value = options.Value;
        var client = new ArmClientOptions { Transport = transport };
        client.Retry.Mode = RetryMode.Exponential;
        client.Retry.MaxRetries = value.MaxRetries;
        client.Retry.Delay = value.RetryDelay;
        client.Retry.MaxDelay = value.MaxRetryDelay;
        client.Retry.NetworkTimeout = value.NetworkTimeout;
        client.Diagnostics.IsLoggingContentEnabled = false;
        if (settings.ArmEndpoint is not null)
        {
            var audience = settings.Audience ?? settings.ArmEndpoint.GetLeftPart(UriPartial.Authority);
            client.Environment = new ArmEnvironment(settings.ArmEndpoint, audience);
        }

        // Per retry: every attempt is a call the service counts against the quota.
        client.AddPolicy(counter, HttpPipelinePosition.PerRetry);
        client.AddPolicy(raw, HttpPipelinePosition.PerCall);
        value.ConfigureClientOptions?.Invoke(client);
        return client;
    }

    /// <summary>
    /// Reads the subscriptions through Resource Graph into <paramref name="results"/>; returns the ones
    /// left for the lists (those Resource Graph did not answer for), or null when Resource Graph could not
    /// be queried at all (then every subscription goes through the lists; the reason is in the notes).
    /// </summary>
    private async Task<List<SubscriptionResource>?> ResourceGraphAsync(
        TokenCredential credential, ArmClientOptions clientOptions, List<SubscriptionResource> subscriptions,
        ConcurrentBag<ResourceRecord> results, ConcurrentQueue<string> notes, Action<int> onRows, CancellationToken cancellationToken)
    {
        var value = options.Value;
        var environment = clientOptions.Environment ?? ArmEnvironment.AzurePublicCloud;
        var quota = new ResourceGraphQuotaPolicy(time ?? TimeProvider.System);
        var pipeline = HttpPipelineBuilder.Build(clientOptions, new BearerTokenAuthenticationPolicy(credential, environment.DefaultScope), quota);
        var graph = new ResourceGraphClient(pipeline, environment.Endpoint, Math.Clamp(value.ResourceGraphPageSize, 1, 1000));
        var byId = subscriptions.ToDictionary(s => s.Id.SubscriptionId!, StringComparer.OrdinalIgnoreCase);
        var rows = byId.Keys.ToDictionary(id => id, _ => new List<JsonObject>(), StringComparer.OrdinalIgnoreCase);
        var answered = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var pages = 0;
        try
        {
            await foreach (var page in graph.QueryAsync(ResourceGraphQueries.Inventory, [.. byId.Keys], cancellationToken))
            {
                pages++;
                foreach (var row in page)
                {
                    if (row["subscriptionId"]?.GetValue<string>() is not { } id || !rows.TryGetValue(id, out var list))
                    {
                        continue;
                    }

                    if (string.Equals(row["type"]?.GetValue<string>(), ResourceGraphMapper.SubscriptionType, StringComparison.OrdinalIgnoreCase))
                    {
                        answered.Add(id);
                    }

                    list.Add(row);
                }

                onRows(page.Count);
            }
        }
        catch (RequestFailedException ex)
        {
            var status = ex.Status == 0 ? "no response" : $"HTTP {ex.Status}";
            var code = ex.ErrorCode is null ? "" : $" {ex.ErrorCode}";
            notes.Enqueue($"Resource Graph could not be queried ({status}{code}); every subscription was read through the Resource Manager lists.");
            logger.LogWarning("Resource Graph could not be queried ({Status}{Code}); reading through the lists", status, code);
            return null;
        }

        var left = new List<SubscriptionResource>();
        foreach (var (id, subscription) in byId)
        {
            var name = subscription.HasData ? subscription.Data.DisplayName : null;
            if (!answered.Contains(id))
            {
                var named = name is null ? id : $"{id} ({name})";
                notes.Enqueue($"Subscription {named}: Resource Graph could not read it; read through the Resource Manager lists instead.");
                logger.LogWarning("Azure subscription {Subscription}: not in the Resource Graph answer; reading it through the lists", named);
                left.Add(subscription);
                continue;
            }

            foreach (var record in ResourceGraphMapper.Map(id, name, rows[id]))
            {
                results.Add(record);
            }

            rows[id].Clear();
        }

        logger.LogInformation(
            "Resource Graph: {Pages} pages for {Subscriptions} subscriptions; waited {Waited} for the query quota ({Waits} times)",
            pages, answered.Count, quota.Waited, quota.Waits);
        return left;
    }

    /// <summary>The subscriptions to read. Listing them failing is a total failure (it throws); a named one refused is recorded.</summary>
    private async Task<List<SubscriptionResource>> SubscriptionsAsync(
        ArmClient client, AzureSourceSettings settings, ConcurrentQueue<string> errors, CancellationToken cancellationToken)
    {
        var subscriptions = new List<SubscriptionResource>();
        if (settings.Subscriptions.Count == 0)
        {
            await foreach (var subscription in client.GetSubscriptions().GetAllAsync(cancellationToken))
            {
                subscriptions.Add(subscription);
            }

            return subscriptions;
        }

        foreach (var id in settings.Subscriptions.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            try
            {
                var response = await client.GetSubscriptionResource(SubscriptionResource.CreateResourceIdentifier(id)).GetAsync(cancellationToken);
                subscriptions.Add(response.Value);
            }
            catch (RequestFailedException ex)
            {
                Record(errors, id, null, "subscription", ex);
            }
        }

        return subscriptions;
    }

    /// <summary>Null when the subscription could not be listed at all; a failed side list (VMs, disks) only makes the result partial.</summary>
    private async Task<AzureSubscriptionInventory?> ReadSubscriptionAsync(
        SubscriptionResource subscription, RawJsonCapturePolicy raw, ConcurrentQueue<string> errors, Action<int> onResources, CancellationToken cancellationToken)
    {
        var id = subscription.Id.SubscriptionId!;
        var name = subscription.HasData ? subscription.Data.DisplayName : null;

        var resources = ListAsync(id, name, "resources", errors, async () =>
        {
            var list = new List<GenericResourceData>();
            await foreach (var page in subscription.GetGenericResourcesAsync(expand: ResourceExpand, cancellationToken: cancellationToken).AsPages())
            {
                list.AddRange(page.Values.Select(r => r.Data));
                onResources(page.Values.Count);
            }

            return list;
        });
        var groups = ListAsync(id, name, "resource groups", errors, async () =>
        {
            var tags = new Dictionary<string, IDictionary<string, string>>();
            await foreach (var group in subscription.GetResourceGroups().GetAllAsync(cancellationToken: cancellationToken))
            {
                tags[group.Data.Name.ToLowerInvariant()] = group.Data.Tags;
            }

            return tags;
        });
        var vms = ListAsync(id, name, "virtual machines", errors, async () =>
        {
            var list = new Dictionary<string, VirtualMachineData>();
            await foreach (var vm in subscription.GetVirtualMachinesAsync(statusOnly: null, filter: null, expand: null, cancellationToken: cancellationToken))
            {
                list[vm.Id.ToString().ToLowerInvariant()] = vm.Data;
            }

            return list;
        });
        var status = ListAsync(id, name, "virtual machine power states", errors, async () =>
        {
            var list = new Dictionary<string, VirtualMachineInstanceView>();
            await foreach (var vm in subscription.GetVirtualMachinesAsync(statusOnly: "true", filter: null, expand: null, cancellationToken: cancellationToken))
            {
                if (vm.Data.InstanceView is not null)
                {
                    list[vm.Id.ToString().ToLowerInvariant()] = vm.Data.InstanceView;
                }
            }

            return list;
        });
        var disks = ListAsync(id, name, "managed disks", errors, async () =>
        {
            var list = new Dictionary<string, ManagedDiskData>();
            await foreach (var disk in subscription.GetManagedDisksAsync(cancellationToken))
            {
                list[disk.Id.ToString().ToLowerInvariant()] = disk.Data;
            }

            return list;
        });

        await Task.WhenAll(resources, groups, vms, status, disks);
        if (resources.Result is null)
        {
            return null;
        }

        return new AzureSubscriptionInventory
        {
            SubscriptionId = id,
            SubscriptionName = name,
            Resources = resources.Result,
            ResourceGroupTags = groups.Result ?? [],
            Vms = vms.Result ?? [],
            VmStatus = status.Result ?? [],
            Disks = disks.Result ?? [],
            Raw = raw.Find,
        };
    }

    /// <summary>Runs one list; a refusal or a failure that survived the retries is recorded and gives null.</summary>
    private async Task<T?> ListAsync<T>(string subscriptionId, string? subscriptionName, string what, ConcurrentQueue<string> errors, Func<Task<T>> list)
        where T : class
    {
        try
        {
            return await list();
        }
        catch (RequestFailedException ex)
        {
            Record(errors, subscriptionId, subscriptionName, what, ex);
            return null;
        }
        catch (Exception ex) when (ex is FormatException or JsonException or InvalidOperationException && ex is not ObjectDisposedException)
        {
            // The SDK throws while parsing a page it cannot read (a malformed URI in one VM's boot
            // diagnostics is enough); one bad list must not cost the rest of the estate.
            var named = subscriptionName is null ? subscriptionId : $"{subscriptionId} ({subscriptionName})";
            errors.Enqueue($"Subscription {named}: {what} could not be parsed ({ex.GetType().Name}).");
            logger.LogWarning(ex, "Azure subscription {Subscription}: {What} could not be parsed", named, what);
            return null;
        }
    }

    private void Record(ConcurrentQueue<string> errors, string subscriptionId, string? subscriptionName, string what, RequestFailedException ex)
    {
        var named = subscriptionName is null ? subscriptionId : $"{subscriptionId} ({subscriptionName})";
        var status = ex.Status == 0 ? "no response" : $"HTTP {ex.Status}";
        var code = ex.ErrorCode is null ? "" : $" {ex.ErrorCode}";
        var error = $"Subscription {named}: {what} could not be read ({status}{code}).";
        errors.Enqueue(error);
        logger.LogWarning("Azure subscription {Subscription}: {What} could not be read ({Status}{Code})", named, what, status, code);
    }
}
