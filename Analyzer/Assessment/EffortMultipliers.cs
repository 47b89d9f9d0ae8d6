namespace Sourcing.Analyzer.Assessment;

/// <summary>
/// The drift multipliers of one <see cref="EffortParameters"/>. Which of the four apply is all
/// that varies between systems, so there are at most 16 lists: each is built once and shared
/// (read-only) by every system with that combination, instead of a list per system.
/// </summary>
internal sealed class EffortMultipliers(EffortParameters parameters)
{
    public const int TwentyFourSeven = 1;
    public const int Heterogeneous = 2;
    public const int Unsupported = 4;
    public const int MedicalDevice = 8;

    private readonly double[] _products = new double[16];
    private readonly IReadOnlyList<FactorContribution>?[] _lists = new IReadOnlyList<FactorContribution>?[16];

    /// <summary>The product and the list of the multipliers in <paramref name="mask"/> (the flags above).</summary>
    public (double Product, IReadOnlyList<FactorContribution> Factors) For(int mask)
    {
        if (_lists[mask] is { } cached)
        {
            return (_products[mask], cached);
        }

        var list = new List<FactorContribution>(4);
        var product = 1.0;

        // The order is the order the page lists them in, and the order of the multiplications.
        void Apply(bool when, string id, string label, double factor)
        {
            if (when && factor != 1.0)
            {
                product *= factor;
                list.Add(new FactorContribution(id, label, factor));
            }
        }

        Apply((mask & TwentyFourSeven) != 0, "effort-24x7", "Dygnet runt-beredskap", parameters.TwentyFourSevenMultiplier);
        Apply((mask & Heterogeneous) != 0, "effort-heterogeneous", "Flera olika operativsystem", parameters.HeterogeneityMultiplier);
        Apply((mask & Unsupported) != 0, "effort-unsupported-os", "Operativsystem utan support", parameters.UnsupportedOsMultiplier);
        Apply((mask & MedicalDevice) != 0, "effort-medical-device", "Nära medicinteknisk utrustning", parameters.MedicalDeviceMultiplier);

        _products[mask] = product;
        _lists[mask] = list.Count == 0 ? [] : list.ToArray();
        return (product, _lists[mask]!);
    }
}
