using Sourcing.Analyzer.Workloads;

namespace Sourcing.Analyzer.Assessment;

/// <summary>
/// What the score factors of one system are made of: each factor's strength in [0, 1] (see
/// <see cref="SuitabilityScorer"/>) and the weights. One per system, shared by its destinations'
/// scores, which list their factors from it when read: building every factor list up front cost
/// more than the rest of the assessment, and most are never shown.
/// </summary>
internal sealed class ScoreBasis
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

    private readonly ScoringWeights _weights;
    private readonly bool _unsupported;
    private readonly bool _inHouseBuilt;
    private readonly Tristate _saasAvailable;
    private readonly LifecycleState _lifecycle;
    private readonly double _os;
    private readonly double _integrations;
    private readonly double _medical;
    private readonly double _availability;
    private readonly double _data;
    private readonly double _over;
    private readonly string _overLabel;
    private readonly double _drift;
    private readonly double _contract;

    public ScoreBasis(Workload workload, double driftHours, ScoringWeights weights, DateOnly today, double? overProvisioning)
    {
        var worstSupport = SupportStatus.Supported;
        var anyOs = false;
        decimal storage = 0;
        var resources = workload.Resources;
        for (var i = 0; i < resources.Count; i++)
        {
            var resource = resources[i];
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

        _weights = weights;
        _unsupported = worstSupport == SupportStatus.Unsupported;
        _inHouseBuilt = workload.InHouseBuilt == true;
        _saasAvailable = workload.SaasAvailable;
        _lifecycle = workload.Lifecycle;
        _os = !anyOs ? 0 : worstSupport switch
        {
            SupportStatus.Unsupported => 1.0,
            SupportStatus.ExtendedOnly => 0.5,
            _ => 0,
        };
        _integrations = workload.IntegrationCount is { } n && weights.IntegrationsFullEffect > 0
            ? Math.Min(1.0, n / (double)weights.IntegrationsFullEffect)
            : 0;
        _medical = workload.MedicalDeviceDependency == true || workload.RequiresOffline == true ? 1.0 : 0;
        _availability = workload.AvailabilityNeed switch
        {
            AvailabilityNeed.TwentyFourSeven => 1.0,
            AvailabilityNeed.Extended => 0.5,
            _ => 0,
        };
        _data = weights.DataVolumeFullEffectGib > 0 ? Math.Min(1.0, (double)storage / weights.DataVolumeFullEffectGib) : 0;
        _over = overProvisioning is { } o ? Math.Clamp(o, 0, 1) : 0;
        _overLabel = _over > 0 ? OverProvisioningLabel(_over) : "Överdimensionerade resurser";
        _drift = weights.DriftEffortFullEffectHours > 0 ? Math.Min(1.0, driftHours / weights.DriftEffortFullEffectHours) : 0;
        _contract = workload.ContractEnd is { } end && end <= today.AddMonths(weights.ContractWindowMonths) ? 1.0 : 0;
    }

    /// <summary>The score of one destination the gate did not block: the base plus every factor, clamped to 0–100.</summary>
    public double Score(DestinationGate gate)
    {
        var sum = new SumSink(_weights.BaseScore);
        Walk(gate, ref sum);
        return Math.Clamp(sum.Total, 0, 100);
    }

    /// <summary>The factors behind <see cref="Score"/>, in the order they were added up.</summary>
    public FactorContribution[] Factors(DestinationGate gate)
    {
        // Counted first, so the one array is exactly the size of the list: no growing buffers.
        var count = default(CountSink);
        Walk(gate, ref count);
        var fill = new ArraySink(new FactorContribution[count.Count]);
        Walk(gate, ref fill);
        return fill.Items;
    }

    /// <summary>Every non-zero factor for the destination, in a fixed order (the score adds them in this order).</summary>
    private void Walk<TSink>(DestinationGate gate, ref TSink sink)
        where TSink : struct, IFactorSink
    {
        var d = (int)gate.Destination;
        var w = _weights;

        Add(ref sink, "os-support", _unsupported ? "Operativsystem utan support" : "Operativsystem med endast förlängd support",
            w.OsSupport, _os, OsSupportDirection[d]);
        if (_inHouseBuilt)
        {
            Add(ref sink, "in-house-built", "Egenutvecklat system", w.InHouseBuilt, 1, InHouseBuiltDirection[d]);
        }

        if (_saasAvailable == Tristate.Yes)
        {
            Add(ref sink, "saas-available", "SaaS-version finns", w.SaasAvailable, 1, SaasYesDirection[d]);
        }
        else if (_saasAvailable == Tristate.No)
        {
            Add(ref sink, "saas-available", "Ingen SaaS-version finns", w.SaasAvailable, 1, SaasNoDirection[d]);
        }

        Add(ref sink, "integrations", "Många integrationer", w.Integrations, _integrations, IntegrationsDirection[d]);
        Add(ref sink, "medical-device", "Medicinteknik, låg latens eller drift utan internet", w.MedicalDevice, _medical, MedicalDirection[d]);
        Add(ref sink, "availability-24x7", "Behov av dygnet runt-tillgänglighet", w.TwentyFourSeven, _availability, TwentyFourSevenDirection[d]);
        Add(ref sink, "data-volume", "Stor datamängd", w.DataVolume, _data, DataVolumeDirection[d]);
        Add(ref sink, "over-provisioning", _overLabel, w.OverProvisioning, _over, OverProvisioningDirection[d]);
        Add(ref sink, "drift-effort", "Driftinsats idag", w.DriftEffort, _drift, DriftEffortDirection[d]);
        Add(ref sink, "contract-window", "Avtalet löper ut snart", w.ContractWindow, _contract, ContractDirection[d]);
        switch (_lifecycle)
        {
            case LifecycleState.InUse:
                Add(ref sink, "lifecycle", "Systemet är i bruk", w.Lifecycle, 1, InUseDirection[d]);
                break;
            case LifecycleState.BeingReplaced:
                Add(ref sink, "lifecycle", "Systemet håller på att ersättas", w.Lifecycle, 1, BeingReplacedDirection[d]);
                break;
            case LifecycleState.ToBeRetired:
                Add(ref sink, "lifecycle", "Systemet ska avvecklas", w.Lifecycle, 1, ToBeRetiredDirection[d]);
                break;
        }

        if (gate.Verdict == GateVerdict.Conditional && w.ConditionalPenalty != 0)
        {
            sink.Add(new FactorContribution("gate-conditional", "Villkor måste uppfyllas", -Math.Abs(w.ConditionalPenalty)));
        }

        var gateFactors = gate.ScoreFactors;
        for (var i = 0; i < gateFactors.Count; i++)
        {
            sink.Add(gateFactors[i]);
        }
    }

    /// <summary>The reason says what the factor rests on (see <see cref="OverProvisioningEstimate"/>).</summary>
    internal static string OverProvisioningLabel(double unused) =>
        string.Format(System.Globalization.CultureInfo.GetCultureInfo("sv-SE"),
            "Överdimensionerade resurser ({0:0} % av CPU och minne oanvänt vid uppmätt 95:e percentil, minst {1} dagars mätdata)",
            unused * 100, Planning.RightSizing.MinimumDays);

    private static void Add<TSink>(ref TSink sink, string id, string label, double weight, double strength, double direction)
        where TSink : struct, IFactorSink
    {
        var points = weight * strength * direction;
        if (points != 0)
        {
            sink.Add(new FactorContribution(id, label, points));
        }
    }

    private struct SumSink(double start) : IFactorSink
    {
        public double Total = start;

        public void Add(in FactorContribution factor) => Total += factor.Points;
    }

    private struct CountSink : IFactorSink
    {
        public int Count;

        public void Add(in FactorContribution factor) => Count++;
    }

    private struct ArraySink(FactorContribution[] items) : IFactorSink
    {
        private int _next;

        public readonly FactorContribution[] Items => items;

        public void Add(in FactorContribution factor) => items[_next++] = factor;
    }
}
