using Sourcing.Analyzer.Workloads;

namespace Sourcing.Analyzer.Assessment;

/// <summary>
/// The region's suppliers as the gate reads them: for each destination, whose law the system's
/// data would fall under. A system's SaaS supplier is the registered supplier whose name equals
/// the system's vendor; otherwise the supplier registered as default for the destination. With no
/// supplier the destination's assumption applies: own operation, retirement and Swedish/EU managed
/// hosting count as within the EU, public cloud and SaaS as outside it (the safe reading: an
/// unknown SaaS supplier is not assumed Swedish).
/// </summary>
public sealed class SupplierRegister
{
    private const int Count = (int)Destination.Retire + 1;

    private readonly Dictionary<string, Supplier> _byName;
    private readonly Supplier?[] _defaults = new Supplier?[Count];
    private readonly DestinationSupplier[] _standard = new DestinationSupplier[Count];

    public SupplierRegister(IReadOnlyList<Supplier> suppliers)
    {
        ArgumentNullException.ThrowIfNull(suppliers);
        Suppliers = suppliers;
        _byName = new Dictionary<string, Supplier>(StringComparer.OrdinalIgnoreCase);
        foreach (var supplier in suppliers)
        {
            _byName.TryAdd(supplier.Name.Trim(), supplier);
            if (supplier.DefaultFor is { } d && _defaults[(int)d] is null)
            {
                _defaults[(int)d] = supplier;
            }
        }

        for (var i = 0; i < Count; i++)
        {
            _standard[i] = _defaults[i] is { } s
                ? new DestinationSupplier((Destination)i, s.Name, s.Jurisdiction, false)
                : new DestinationSupplier((Destination)i, null, Assumption((Destination)i), true);
        }

        Standard = _standard;
    }

    public static SupplierRegister Empty { get; } = new([]);

    public IReadOnlyList<Supplier> Suppliers { get; }

    /// <summary>The suppliers per destination for a system without a registered vendor; shared, read-only.</summary>
    public IReadOnlyList<DestinationSupplier> Standard { get; }

    /// <summary>The jurisdiction a destination has when no supplier is registered for it.</summary>
    public static Jurisdiction Assumption(Destination destination) =>
        destination is Destination.PublicCloud or Destination.Saas ? Jurisdiction.NonEu : Jurisdiction.Eu;

    /// <summary>The suppliers per destination for <paramref name="workload"/> (in <see cref="Destination"/> order).</summary>
    public IReadOnlyList<DestinationSupplier> For(Workload workload)
    {
        ArgumentNullException.ThrowIfNull(workload);
        if (string.IsNullOrWhiteSpace(workload.Vendor) || !_byName.TryGetValue(workload.Vendor.Trim(), out var vendor))
        {
            return _standard;
        }

        var list = (DestinationSupplier[])_standard.Clone();
        list[(int)Destination.Saas] = new DestinationSupplier(Destination.Saas, vendor.Name, vendor.Jurisdiction, false);
        return list;
    }
}
