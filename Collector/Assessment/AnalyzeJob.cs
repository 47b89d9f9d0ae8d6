using Microsoft.Extensions.Logging;
using Sourcing.Analyzer.Assessment;
using Sourcing.Collector.Inventory;

namespace Sourcing.Collector.Assessment;

/// <summary>
/// The one place a system's assessment is computed: every system at once with the region's current
/// settings (the drift hours are calibrated over the whole estate), on today's Swedish date, and
/// stored in place of the previous results. Pages, commands and exports read what it stored
/// (<see cref="CurrentAssessment"/>). Safe to run twice: the second run writes the same rows again.
/// </summary>
public sealed class AnalyzeJob(
    IWorkloadSource workloads, AssessmentStore store, TimeProvider time, ILogger<AnalyzeJob> logger, UtilisationStore? utilisation = null)
{
    public async Task<AssessmentReport> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var report = await ComputeAsync(cancellationToken);
        await store.SaveReportAsync(report, now, cancellationToken);
        logger.LogInformation(
            "Assessed {Count} systems with rules v{Rules}, weights v{Weights}; calibration factor {Factor:F3}, {Hours:F0} drift hours",
            report.Workloads.Count, report.RuleSetVersion, report.WeightsVersion, report.Calibration.Factor, report.Calibration.CalibratedHours);
        return report;
    }

    /// <summary>The same computation without storing it (for a page that must not write on a GET).</summary>
    public async Task<AssessmentReport> ComputeAsync(CancellationToken cancellationToken)
    {
        var settings = await store.GetSettingsAsync(cancellationToken);
        var all = await workloads.GetWorkloadsAsync(cancellationToken);
        var use = utilisation is null ? null : await utilisation.MeasuredUseAsync(time.GetUtcNow(), cancellationToken);
        return Assessor.Assess(settings.InputFor(all, time, use));
    }
}
