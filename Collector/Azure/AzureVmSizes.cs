using System.Collections.Frozen;

namespace Sourcing.Collector.Azure;

/// <summary>
/// vCPUs and memory of the common general-purpose, memory- and compute-optimised sizes (B, Bv2, Dv2/DSv2,
/// D/E v3–v5 with their a/d/s/l variants, Fsv2), from the Azure size documentation. The VM list does
/// not carry them, and one "list sizes" call per location would need Compute permissions the reader
/// role may lack; an unknown size is marked so, never guessed.
/// </summary>
public static class AzureVmSizes
{
    private static readonly FrozenDictionary<string, AzureVmSize> Sizes = Build();

    public static int Count => Sizes.Count;

    /// <summary>Looks up "Standard_D4s_v5" (case-insensitive; the "Standard_" prefix may be left out).</summary>
    public static AzureVmSize? Find(string? size)
    {
        if (string.IsNullOrWhiteSpace(size))
        {
            return null;
        }

        var name = size.Trim();
        if (!name.StartsWith("Standard_", StringComparison.OrdinalIgnoreCase))
        {
            name = "Standard_" + name;
        }

        return Sizes.TryGetValue(name, out var found) ? found : null;
    }

    private static FrozenDictionary<string, AzureVmSize> Build()
    {
        var sizes = new Dictionary<string, AzureVmSize>(StringComparer.OrdinalIgnoreCase);
        void Add(string name, int vcpus, double memoryGib) =>
            sizes[name] = new AzureVmSize(name, vcpus, (long)Math.Round(memoryGib * 1024));

        // B-series (burstable).
        Add("Standard_B1ls", 1, 0.5);
        Add("Standard_B1s", 1, 1);
        Add("Standard_B1ms", 1, 2);
        Add("Standard_B2s", 2, 4);
        Add("Standard_B2ms", 2, 8);
        Add("Standard_B4ms", 4, 16);
        Add("Standard_B8ms", 8, 32);
        Add("Standard_B12ms", 12, 48);
        Add("Standard_B16ms", 16, 64);
        Add("Standard_B20ms", 20, 80);

        // Bsv2 / Basv2 (4 GiB per vCPU), Blsv2 (2 GiB per vCPU), B2ts_v2.
        foreach (var n in new[] { 2, 4, 8, 16, 32 })
        {
            Add($"Standard_B{n}s_v2", n, 4 * n);
            Add($"Standard_B{n}as_v2", n, 4 * n);
            Add($"Standard_B{n}ls_v2", n, 2 * n);
            Add($"Standard_B{n}als_v2", n, 2 * n);
        }

        Add("Standard_B2ts_v2", 2, 1);
        Add("Standard_B2ats_v2", 2, 1);

        // Dv2 / DSv2 (still common in older estates) and their memory-optimised 11–15.
        foreach (var (n, vcpus, gib) in new[] { (1, 1, 3.5), (2, 2, 7), (3, 4, 14), (4, 8, 28), (5, 16, 56), (11, 2, 14), (12, 4, 28), (13, 8, 56), (14, 16, 112), (15, 20, 140) })
        {
            Add($"Standard_D{n}_v2", vcpus, gib);
            Add($"Standard_DS{n}_v2", vcpus, gib);
        }

        // D v3–v5: 4 GiB per vCPU; Dl v5: 2 GiB per vCPU.
        foreach (var n in new[] { 2, 4, 8, 16, 32, 48, 64 })
        {
            foreach (var suffix in new[] { "", "s" })
            {
                Add($"Standard_D{n}{suffix}_v3", n, 4 * n);
            }
        }

        foreach (var n in new[] { 2, 4, 8, 16, 32, 48, 64, 96 })
        {
            foreach (var suffix in new[] { "", "s", "d", "ds", "a", "as" })
            {
                if (n <= 64 || suffix is "a" or "as")
                {
                    Add($"Standard_D{n}{suffix}_v4", n, 4 * n);
                }
            }

            foreach (var suffix in new[] { "", "s", "d", "ds", "as", "ads" })
            {
                Add($"Standard_D{n}{suffix}_v5", n, 4 * n);
            }

            foreach (var suffix in new[] { "ls", "lds" })
            {
                Add($"Standard_D{n}{suffix}_v5", n, 2 * n);
            }
        }

        // E v3–v5: 8 GiB per vCPU, except the largest sizes.
        foreach (var n in new[] { 2, 4, 8, 16, 20, 32, 48, 64, 96 })
        {
            foreach (var suffix in new[] { "", "s" })
            {
                if (n <= 64)
                {
                    Add($"Standard_E{n}{suffix}_v3", n, n == 64 ? 432 : 8 * n);
                }
            }

            foreach (var suffix in new[] { "", "s", "d", "ds", "a", "as" })
            {
                if (n <= 64 || suffix is "a" or "as")
                {
                    Add($"Standard_E{n}{suffix}_v4", n, n switch { 64 when suffix is "a" or "as" => 512, 64 => 504, 96 => 672, _ => 8 * n });
                }
            }

            foreach (var suffix in new[] { "", "s", "d", "ds", "as", "ads" })
            {
                Add($"Standard_E{n}{suffix}_v5", n, n switch { 64 => 512, 96 => 672, _ => 8 * n });
            }
        }

        // Fsv2 (compute-optimised, 2 GiB per vCPU); the F family has no v3–v5 in general use.
        foreach (var n in new[] { 2, 4, 8, 16, 32, 48, 64, 72 })
        {
            Add($"Standard_F{n}s_v2", n, 2 * n);
        }

        return sizes.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }
}
