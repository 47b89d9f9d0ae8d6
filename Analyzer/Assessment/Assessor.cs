using Sourcing.Analyzer.Workloads;

namespace Sourcing.Analyzer.Assessment;

/// <summary>
/// Runs the whole assessment: drift effort for every system first (calibration needs the estate
/// total, and the scores use calibrated hours), then gate, scores and recommendation per system.
/// Pure and single-threaded; 100,000 systems take well under a second (see AnalyzerBenchmark).
/// What makes that possible: answers that depend on a few fields are computed once per run and
/// shared (gate verdicts, facts, drift multipliers), and the texts and factor lists that pages
/// show are built when first read, not for every system up front.
/// </summary>
public static class Assessor
{
    public static AssessmentReport Assess(AssessmentInput input)
    {
        var workloads = input.Workloads;
        var multipliers = new EffortMultipliers(input.Effort);
        var estimates = new EffortEstimate[workloads.Count];
        var modelTotal = 0.0;
        for (var i = 0; i < workloads.Count; i++)
        {
            estimates[i] = DriftEffortModel.Estimate(workloads[i], input.Effort, multipliers);
            modelTotal += estimates[i].ModelHours;
        }

        var calibration = DriftEffortModel.CalibrationFor(modelTotal, input.Effort);
        var gates = new GateEvaluator(input.Rules, input.Suppliers);
        var results = new WorkloadAssessment[workloads.Count];
        for (var i = 0; i < workloads.Count; i++)
        {
            var workload = workloads[i];
            var effort = estimates[i].ToEffort(workload.Id, calibration.Factor);
            double? over = input.OverProvisioning is { } map && map.TryGetValue(workload.Id, out var value) ? value : null;
            results[i] = AssessOne(workload, effort, gates, input.Weights, input.Today, over);
        }

        return new AssessmentReport(input.Today, input.Rules.Version, input.Weights.Version, input.Effort.Version, calibration, results);
    }

    /// <summary>One system with an already computed (and calibrated) effort.</summary>
    public static WorkloadAssessment AssessOne(
        Workload workload, DriftEffort effort, GateEvaluator gates, ScoringWeights weights, DateOnly today, double? overProvisioning = null)
    {
        var gate = gates.Evaluate(workload);
        var scores = SuitabilityScorer.Score(workload, gate, effort.Hours, weights, today, overProvisioning);
        var recommendation = Recommender.Recommend(gate, scores, Recommender.MissingFields(workload, gate.Facts));
        return new WorkloadAssessment(workload.Id, workload.Name, gate, scores, recommendation, effort);
    }

    /// <summary>One system on its own, uncalibrated (e.g. the rule baseline when learning from decisions).</summary>
    public static WorkloadAssessment AssessOne(Workload workload, GateRuleSet rules, ScoringWeights weights, EffortParameters effort, DateOnly today) =>
        AssessOne(workload, DriftEffortModel.Estimate(workload, effort), new GateEvaluator(rules), weights, today);

    /// <summary>One system on its own with the region's suppliers, uncalibrated.</summary>
    public static WorkloadAssessment AssessOne(
        Workload workload, GateRuleSet rules, ScoringWeights weights, EffortParameters effort, SupplierRegister suppliers, DateOnly today) =>
        AssessOne(workload, DriftEffortModel.Estimate(workload, effort), new GateEvaluator(rules, suppliers), weights, today);
}
