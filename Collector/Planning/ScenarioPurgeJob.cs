using Microsoft.Extensions.Logging;

namespace Sourcing.Collector.Planning;

/// <summary>
/// Nightly: removes for good the scenarios deleted <see cref="ScenarioStore.RestoreDays"/> days ago.
/// Safe to run twice; the list of deleted scenarios also purges when it is read.
/// </summary>
public sealed class ScenarioPurgeJob(ScenarioStore store, ILogger<ScenarioPurgeJob> logger)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var purged = await store.PurgeExpiredAsync(cancellationToken);
        if (purged > 0)
        {
            logger.LogInformation("Purged {Count} scenarios deleted more than {Days} days ago", purged, ScenarioStore.RestoreDays);
        }
    }
}
