using Sourcing.Analyzer.Assessment;

namespace Sourcing.Collector.Assessment;

/// <summary>
/// One system's assessment as every page, command and export shows it: the one <see cref="AnalyzeJob"/>
/// computed over the whole estate (drift hours calibrated to the region's stated FTE) and stored.
/// Never assess one system on its own (<see cref="Assessor.AssessOne(Sourcing.Analyzer.Workloads.Workload, GateRuleSet, ScoringWeights, EffortParameters, DateOnly)"/>):
/// without the estate there is no calibration, and the system page would show other hours than the list.
/// </summary>
public sealed class CurrentAssessment(AssessmentStore store, AnalyzeJob analyze)
{
    /// <summary>
    /// The stored assessment. A system that has none yet (new since the last run) gets the same
    /// computation over the whole estate, not stored: reading a page must not write, and the next
    /// run (queued by whatever created the system, or the nightly one) stores it.
    /// </summary>
    public async Task<WorkloadAssessment?> GetAsync(long workloadId, CancellationToken cancellationToken)
    {
        if (await store.GetAssessmentAsync(workloadId, cancellationToken) is { } stored)
        {
            return stored.ToAssessment();
        }

        var report = await analyze.ComputeAsync(cancellationToken);
        return report.Workloads.FirstOrDefault(w => w.WorkloadId == workloadId);
    }

    /// <summary>Runs the analysis now (and stores it), so what follows reads the system as it is this moment.</summary>
    public Task<AssessmentReport> RefreshAsync(CancellationToken cancellationToken) => analyze.RunAsync(cancellationToken);
}
