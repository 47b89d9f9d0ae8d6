using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Sourcing.Collector.Inventory;

namespace Sourcing.Collector.VSphere;

/// <summary>
/// One scan of a vCenter 8.0 U1+ through VI/JSON bulk reads: a ContainerView over the root folder
/// per type, RetrievePropertiesEx with maxObjects and ContinueRetrievePropertiesEx until no token is
/// left, only the properties the product stores, then DestroyView. Tags still come from the
/// Automation API's batch calls (<paramref name="tagScan"/>). VMs are mapped page by page and handed
/// to the sink, so a page's vendor JSON is garbage as soon as its records are written.
/// A paging token that expires, or a view lost with a renewed session, starts that type over
/// (objects already delivered are skipped), as long as each new start brings new objects.
/// </summary>
internal sealed class ViJsonScan(
    VSphereClient vim, VSphereScan tagScan, JsonObject serviceContent, IScanProgress progress, VSphereClientOptions options, ILogger logger)
{
    internal static readonly string[] VmPaths =
    [
        "name", "config.instanceUuid", "config.uuid", "config.guestId", "config.guestFullName", "config.version",
        "config.hardware.numCPU", "config.hardware.numCoresPerSocket", "config.hardware.memoryMB", "config.hardware.device",
        "config.annotation", "runtime.powerState", "runtime.host", "parent", "datastore", "summary.storage.committed",
        "guest.hostName", "guest.ipAddress", "guest.guestFullName", "guest.guestFamily", "guest.toolsRunningStatus",
        "summary.quickStats",
    ];

    private const int MaxErrorsKept = 50;
    private readonly ConcurrentQueue<string> _errors = new();
    private readonly string _release = vim.ViJsonRelease;
    private readonly List<string> _vmIds = [];
    private int _errorCount;
    private int _listOk;
    private Exception? _firstFailure;

    public IReadOnlyList<string> Errors
    {
        get
        {
            var own = _errorCount > MaxErrorsKept ? [.. _errors, $"... and {_errorCount - MaxErrorsKept} more errors"] : _errors.ToList();
            return [.. own, .. tagScan.Errors];
        }
    }

    /// <summary>The morefs of the VMs read, for the statistics read after the inventory.</summary>
    public IReadOnlyList<string> VmIds => _vmIds;

    /// <summary>Reads everything; VM records go to <paramref name="sink"/> a page at a time, the rest at the end.</summary>
    public async Task RunAsync(Func<IReadOnlyList<ResourceRecord>, CancellationToken, ValueTask> sink, CancellationToken cancellationToken)
    {
        var root = serviceContent["rootFolder"] as JsonObject ?? throw new VSphereException($"vCenter {vim.BaseUrl}: ServiceContent without rootFolder.");
        var tagsTask = tagScan.ReadTagsAsync(cancellationToken);
        var datacentersTask = TryRetrieveAsync(root, "Datacenter", ["name", "parent"], cancellationToken);
        var foldersTask = TryRetrieveAsync(root, "Folder", ["name", "parent", "childType"], cancellationToken);
        var clustersTask = TryRetrieveAsync(root, "ClusterComputeResource",
            ["name", "parent", "configuration.dasConfig.enabled", "configuration.drsConfig.enabled"], cancellationToken);
        var hostsTask = TryRetrieveAsync(root, "HostSystem",
            ["name", "parent", "runtime.connectionState", "runtime.powerState", "summary.hardware.cpuMhz"], cancellationToken);
        var datastoresTask = TryRetrieveAsync(root, "Datastore", ["name", "parent", "summary.type", "summary.capacity", "summary.freeSpace"], cancellationToken);
        var networksTask = TryRetrieveAsync(root, "Network", ["name"], cancellationToken);

        var datacenters = await datacentersTask;
        var folders = await foldersTask;
        var clusters = await clustersTask;
        var hosts = await hostsTask;
        var networks = await networksTask;
        var topology = new ViJsonTopology(
            datacenters ?? [], folders ?? [], clusters ?? [], hosts ?? [], await datastoresTask ?? [], networks ?? []);
        var tags = await tagsTask;
        // Merge, never degrade: what a failed list or a VM's missingSet leaves unknown keeps its stored value.
        var tagsFailed = tagScan.TagsFailed;
        var placementFailed = datacenters is null || folders is null || clusters is null || hosts is null;
        var networksFailed = networks is null;

        var done = 0;
        var vmsOk = await TryAsync<object>("VMs", async () =>
        {
            await RetrieveAsync(root, "VirtualMachine", VmPaths, async (page, total) =>
            {
                var records = new List<ResourceRecord>(page.Count);
                foreach (var vm in page)
                {
                    _vmIds.Add(vm.Id);
                    records.Add(VSphereUnread.MarkViJson(
                        ViJsonMapper.MapVm(vm, topology, TagsOf(tags, vm.Id)), tagsFailed, placementFailed, networksFailed, vm));
                    if (vm.Missing.Count > 0)
                    {
                        NotRead($"VM {vm.Id} properties", string.Join(", ", vm.Missing.Select(m => $"{m.Key} ({m.Value})")));
                    }
                }

                await sink(records, cancellationToken);
                done += page.Count;
                progress.Report(done, Math.Max(done, total), "VMs");
            }, cancellationToken);
            return done;
        });

        if (Volatile.Read(ref _listOk) == 0 && vmsOk is null)
        {
            throw new VSphereException(
                $"Nothing could be listed from vCenter {vim.BaseUrl}: {_firstFailure?.Message ?? "no answer"}", _firstFailure);
        }

        await sink(
            [.. ViJsonMapper.MapTopology(topology, id => TagsOf(tags, id))
                .Select(r => VSphereUnread.MarkViJson(r, tagsFailed, placementFailed, networksFailed, null))],
            cancellationToken);
    }

    private static IReadOnlyDictionary<string, string> TagsOf(IReadOnlyDictionary<string, List<(string Category, string Tag)>> tags, string id) =>
        tags.TryGetValue(id, out var list) ? VSphereMapper.TagMap(list) : new Dictionary<string, string>();

    private async Task<List<ViJsonObject>?> TryRetrieveAsync(JsonObject root, string type, string[] paths, CancellationToken cancellationToken) =>
        await TryAsync(type, async () =>
        {
            var all = new List<ViJsonObject>();
            await RetrieveAsync(root, type, paths, (page, _) =>
            {
                all.AddRange(page);
                return ValueTask.CompletedTask;
            }, cancellationToken);
            return all;
        });

    private async Task<T?> TryAsync<T>(string what, Func<Task<T>> read)
        where T : class
    {
        try
        {
            var result = await read();
            Interlocked.Increment(ref _listOk);
            return result;
        }
        catch (Exception ex) when (ex is VSphereApiException or VSphereException)
        {
            Fail(what, ex);
            return null;
        }
    }

    /// <summary>
    /// Every object of <paramref name="type"/> under the root folder, page by page. A failed page
    /// (token expired, view gone with a renewed session) starts over, skipping what was delivered: for
    /// VMs, whose references the view listed first, only the objects still missing are asked for, so a
    /// vCenter that ends sessions every few hundred calls still gets through 50,000 VMs. A start that
    /// brings nothing new counts towards <see cref="VSphereClientOptions.ViJsonMaxRestarts"/>.
    /// </summary>
    private async Task RetrieveAsync(
        JsonObject root, string type, string[] paths, Func<List<ViJsonObject>, int, ValueTask> onPage, CancellationToken cancellationToken)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        List<string>? listed = null;
        var fruitless = 0;
        while (true)
        {
            var before = seen.Count;
            JsonObject? view = null;
            try
            {
                JsonObject request;
                if (listed is null)
                {
                    view = await CreateViewAsync(root, type, cancellationToken);
                    if (type == "VirtualMachine")
                    {
                        listed = await ListAsync(view, cancellationToken);
                    }

                    request = ViJson.RetrieveRequest(view, type, paths, options.ViJsonMaxObjects);
                }
                else
                {
                    var missing = listed.Where(id => !seen.Contains(id)).ToList();
                    if (missing.Count == 0)
                    {
                        return;
                    }

                    request = ViJson.RetrieveObjectsRequest(type, missing, paths, options.ViJsonMaxObjects);
                }

                var total = listed?.Count ?? 0;
                var result = await vim.PostAsync(ViJsonPaths.Method(_release, "PropertyCollector", PropertyCollector, "RetrievePropertiesEx"),
                    request, cancellationToken);
                while (true)
                {
                    var page = new List<ViJsonObject>();
                    foreach (var content in result?["objects"] as JsonArray ?? [])
                    {
                        if (ViJsonObject.From(content) is { } obj && seen.Add(obj.Id))
                        {
                            page.Add(obj);
                        }
                    }

                    // The next page is asked for while this one is mapped and written, so the vCenter's time and
                    // the store's overlap; at most two pages are held at once.
                    var next = ViJson.Str(result?["token"]) is { } token
                        ? vim.PostAsync(ViJsonPaths.Method(_release, "PropertyCollector", PropertyCollector, "ContinueRetrievePropertiesEx"),
                            new JsonObject { ["token"] = token }, cancellationToken)
                        : null;
                    result = null;
                    try
                    {
                        if (page.Count > 0)
                        {
                            await onPage(page, total);
                        }
                    }
                    catch
                    {
                        await ObserveAsync(next);
                        throw;
                    }

                    if (next is null)
                    {
                        break;
                    }

                    result = await next;
                }

                if (view is not null)
                {
                    await DestroyViewAsync(view, cancellationToken);
                }

                return;
            }
            catch (VSphereApiException ex) when (IsLostPaging(ex))
            {
                fruitless = seen.Count > before ? 0 : fruitless + 1;
                if (fruitless > options.ViJsonMaxRestarts)
                {
                    throw;
                }

                logger.LogInformation("vCenter {Url}: paging of {Type} lost ({Message}); going on after {Count} objects",
                    vim.BaseUrl, type, ex.Message, seen.Count);
                if (view is not null)
                {
                    await DestroyViewAsync(view, cancellationToken);
                }
            }
        }
    }

    /// <summary>Waits for a prefetched page nobody will read, so its failure is not left unobserved.</summary>
    private static async Task ObserveAsync(Task<JsonNode?>? next)
    {
        if (next is null)
        {
            return;
        }

        try
        {
            await next;
        }
#pragma warning disable CA1031 // Whatever the unread page's call failed with, the failure being thrown already is the one to report.
        catch (Exception)
        {
        }
#pragma warning restore CA1031
    }

    /// <summary>A paging token the server no longer knows, or a view that ended with its session (vi-json.yaml ContinueRetrievePropertiesEx faults).</summary>
    private static bool IsLostPaging(VSphereApiException ex) =>
        ex.ErrorType is "InvalidArgument" or "ManagedObjectNotFound" or "InvalidCollectorVersion";

    private string PropertyCollector => ViJson.MorValue(serviceContent["propertyCollector"]) ?? "propertyCollector";

    private async Task<JsonObject> CreateViewAsync(JsonObject root, string type, CancellationToken cancellationToken)
    {
        var viewManager = ViJson.MorValue(serviceContent["viewManager"]) ?? "ViewManager";
        var view = await vim.PostAsync(ViJsonPaths.Method(_release, "ViewManager", viewManager, "CreateContainerView"), new JsonObject
        {
            ["container"] = root.DeepClone(),
            ["type"] = new JsonArray(type),
            ["recursive"] = true,
        }, cancellationToken);
        return view as JsonObject ?? throw new VSphereException($"vCenter {vim.BaseUrl}: CreateContainerView answered no view.");
    }

    /// <summary>The references the view holds (its view property): the total for "n of m VMs", and what is still missing after a restart.</summary>
    private async Task<List<string>> ListAsync(JsonObject view, CancellationToken cancellationToken)
    {
        var refs = await vim.GetAsync($"/sdk/vim25/{Uri.EscapeDataString(_release)}/ContainerView/{Uri.EscapeDataString(ViJson.MorValue(view) ?? "")}/view", cancellationToken);
        return refs is JsonArray array ? [.. array.Select(ViJson.MorValue).OfType<string>()] : [];
    }

    /// <summary>Best effort: a view ends with its session anyway.</summary>
    private async Task DestroyViewAsync(JsonObject view, CancellationToken cancellationToken)
    {
        try
        {
            await vim.SendAsync(HttpMethod.Post, ViJsonPaths.Method(_release, "ContainerView", ViJson.MorValue(view) ?? "", "DestroyView"), null, cancellationToken);
        }
        catch (Exception ex) when (ex is VSphereApiException or VSphereException)
        {
            logger.LogInformation("vCenter {Url}: DestroyView failed: {Message}", vim.BaseUrl, ex.Message);
        }
    }

    /// <summary>A part the vCenter answered without (a VM's properties in its missingSet): an error, the scan is partial.</summary>
    private void NotRead(string what, string detail)
    {
        if (Interlocked.Increment(ref _errorCount) <= MaxErrorsKept)
        {
            _errors.Enqueue($"{what}: not read: {detail}");
        }

        logger.LogWarning("vCenter {Url}: {What} not read: {Detail}", vim.BaseUrl, what, detail);
    }

    private void Fail(string what, Exception ex)
    {
        Interlocked.CompareExchange(ref _firstFailure, ex, null);
        if (Interlocked.Increment(ref _errorCount) <= MaxErrorsKept)
        {
            _errors.Enqueue($"{what}: {ex.Message}");
        }

        logger.LogWarning("vCenter {Url}: {What} could not be read: {Message}", vim.BaseUrl, what, ex.Message);
    }
}
