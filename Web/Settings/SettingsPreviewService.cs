using Sourcing.Analyzer.Assessment;
using Sourcing.Collector.Assessment;
using Sourcing.Collector.Inventory;

namespace Sourcing.Web.Settings;

/// <summary>
/// Computes what a proposed rule table, weights or effort parameters would change, over every
/// system, with the same input the nightly analysis builds (<see cref="AssessmentSettings.InputFor"/>).
/// </summary>
public sealed class SettingsPreviewService(IWorkloadSource workloads, AssessmentStore store, TimeProvider time, UtilisationStore utilisation)
{
    public async Task<AssessmentPreview> PreviewAsync(Func<AssessmentSettings, AssessmentSettings> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var current = await store.GetSettingsAsync(cancellationToken);
        var all = await workloads.GetWorkloadsAsync(cancellationToken);
        var use = await utilisation.MeasuredUseAsync(time.GetUtcNow(), cancellationToken);
        return AssessmentPreview.Compare(current.InputFor(all, time, use), change(current).InputFor(all, time, use));
    }
}
