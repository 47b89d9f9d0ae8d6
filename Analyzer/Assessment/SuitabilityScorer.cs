using Sourcing.Analyzer.Workloads;

namespace Sourcing.Analyzer.Assessment;

/// <summary>
/// Scores each destination the gate did not block, 0–100. Every factor has a strength in [0, 1]
/// for the workload (e.g. 0.5 = half of the integrations that count as "many") and a direction
/// per destination in [−1, 1] (the sign says whether the factor speaks for or against moving
/// there, from research/domain.md §5.1). Points = weight × strength × direction; the score is
/// the base plus all points plus the gate's penalties and preferences, clamped to 0–100.
/// </summary>
public static class SuitabilityScorer
{
    // Directions, indexed by Destination: InHouse, SwedishManaged, PublicCloud, Saas, Retire.
    private static readonly double[] OsSupportDirection = [-1, 0.5, 1, 1, 1];
    private static readonly double[] InHouseBuiltDirection = [0, 0, 0, -1, 0];
    private static readonly double[] SaasYesDirection = [0, 0, 0, 1, 0.3];
    private static readonly double[] SaasNoDirection = [0, 0, 0, -1, 0];
    private static readonly double[] IntegrationsDirection = [0, -0.5, -1, -1, -0.5];
    private static readonly double[] MedicalDirection = [0.5, -0.5, -1, -1, 0];
    private static readonly double[] TwentyFourSevenDirection = [0, -0.5, -1, -1, 0];
    private static readonly double[] DataVolumeDirection = [0, -0.5, -1, -1, 0];
    private static readonly double[] OverProvisioningDirection = [0, 0.5, 1, 0.5, 0];
    private static readonly double[] DriftEffortDirection = [-1, 1, 1, 1, 1];
    private static readonly double[] ContractDirection = [0, 0.5, 0.5, 1, 0.5];
    private static readonly double[] InUseDirection = [0, 0, 0, 0, -1];
    private static readonly double[] BeingReplacedDirection = [-0.3, 0, 0, 0.5, 0.5];
    private static readonly double[] ToBeRetiredDirection = [-0.5, -0.5, -0.5, -0.5, 1];

    [ThreadStatic]
    private static List<FactorContribution>? _buffer;

    public static IReadOnlyList<DestinationScore> Score(
        Workload workload,
        GateResult gate,
        double driftHours,
        ScoringWeights weights,
        DateOnly today,
        double? overProvisioning = null)
    {
        var worstSupport = SupportStatus.Supported;
        var anyOs = false;
        decimal storage = 0;
        foreach (var resource in workload.Resources)
        {
            storage += resource.StorageGib;
            if (resource.Support != SupportStatus.Unknown)
            {
                anyOs = true;
                if (resource.Support > worstSupport)
                {
                    worstSupport = resource.Support;
                }
            }
        }

        var osStrength = !anyOs ? 0 : worstSupport switch
        {
            SupportStatus.Unsupported => 1.0,
            SupportStatus.ExtendedOnly => 0.5,
            _ => 0,
        };
        var integrationStrength = workload.IntegrationCount is { } n && weights.IntegrationsFullEffect > 0
            ? Math.Min(1.0, n / (double)weights.IntegrationsFullEffect)
            : 0;
        var medical = workload.MedicalDeviceDependency == true || workload.RequiresOffline == true ? 1.0 : 0;
        var availability = workload.AvailabilityNeed switch
        {
            AvailabilityNeed.TwentyFourSeven => 1.0,
            AvailabilityNeed.Extended => 0.5,
            _ => 0,
        };
        var dataStrength = weights.DataVolumeFullEffectGib > 0 ? Math.Min(1.0, (double)storage / weights.DataVolumeFullEffectGib) : 0;
        var overStrength = overProvisioning is { } o ? Math.Clamp(o, 0, 1) : 0;
        var driftStrength = weights.DriftEffortFullEffectHours > 0 ? Math.Min(1.0, driftHours / weights.DriftEffortFullEffectHours) : 0;
        var contractStrength = workload.ContractEnd is { } end
            && end <= today.AddMonths(weights.ContractWindowMonths) ? 1.0 : 0;

        var scores = new List<DestinationScore>(5);
        var buffer = _buffer ??= new List<FactorContribution>(32);
        foreach (var destinationGate in gate.Destinations)
        {
            if (destinationGate.Verdict == GateVerdict.Blocked)
            {
                continue;
            }

            var d = (int)destinationGate.Destination;
            buffer.Clear();

            void Add(string id, string label, double weight, double strength, double[] direction)
            {
                var points = weight * strength * direction[d];
                if (points != 0)
                {
                    buffer.Add(new FactorContribution(id, label, points));
                }
            }

            Add("os-support", worstSupport == SupportStatus.Unsupported ? "Operativsystem utan support" : "Operativsystem med endast förlängd support",
                weights.OsSupport, osStrength, OsSupportDirection);
            if (workload.InHouseBuilt == true)
            {
                Add("in-house-built", "Egenutvecklat system", weights.InHouseBuilt, 1, InHouseBuiltDirection);
            }

            if (workload.SaasAvailable == Tristate.Yes)
            {
                Add("saas-available", "SaaS-version finns", weights.SaasAvailable, 1, SaasYesDirection);
            }
            else if (workload.SaasAvailable == Tristate.No)
            {
                Add("saas-available", "Ingen SaaS-version finns", weights.SaasAvailable, 1, SaasNoDirection);
            }

            Add("integrations", "Många integrationer", weights.Integrations, integrationStrength, IntegrationsDirection);
            Add("medical-device", "Medicinteknik, låg latens eller drift utan internet", weights.MedicalDevice, medical, MedicalDirection);
            Add("availability-24x7", "Behov av dygnet runt-tillgänglighet", weights.TwentyFourSeven, availability, TwentyFourSevenDirection);
            Add("data-volume", "Stor datamängd", weights.DataVolume, dataStrength, DataVolumeDirection);
            Add("over-provisioning", "Överdimensionerade resurser", weights.OverProvisioning, overStrength, OverProvisioningDirection);
            Add("drift-effort", "Driftinsats idag", weights.DriftEffort, driftStrength, DriftEffortDirection);
            Add("contract-window", "Avtalet löper ut snart", weights.ContractWindow, contractStrength, ContractDirection);
            switch (workload.Lifecycle)
            {
                case LifecycleState.InUse:
                    Add("lifecycle", "Systemet är i bruk", weights.Lifecycle, 1, InUseDirection);
                    break;
                case LifecycleState.BeingReplaced:
                    Add("lifecycle", "Systemet håller på att ersättas", weights.Lifecycle, 1, BeingReplacedDirection);
                    break;
                case LifecycleState.ToBeRetired:
                    Add("lifecycle", "Systemet ska avvecklas", weights.Lifecycle, 1, ToBeRetiredDirection);
                    break;
            }

            if (destinationGate.Verdict == GateVerdict.Conditional && weights.ConditionalPenalty != 0)
            {
                buffer.Add(new FactorContribution("gate-conditional", "Villkor måste uppfyllas", -Math.Abs(weights.ConditionalPenalty)));
            }

            buffer.AddRange(destinationGate.ScoreFactors);

            var total = weights.BaseScore;
            foreach (var factor in buffer)
            {
                total += factor.Points;
            }

            scores.Add(new DestinationScore(destinationGate.Destination, destinationGate.Verdict, Math.Clamp(total, 0, 100), buffer.ToArray()));
        }

        return scores;
    }
}
