using Azure.ResourceManager.Compute.Models;
using Sourcing.Analyzer.Lifecycle;

namespace Sourcing.Collector.Azure;

/// <summary>Readable OS names from marketplace image references ("Windows Server 2019", "Ubuntu 22.04").</summary>
internal static class AzureImageNames
{
    public static (string? GuestOs, string? Version, string? Family) Describe(ImageReference? image) =>
        Describe(image?.Publisher, image?.Offer, image?.Sku);

    /// <summary>
    /// A readable name for the image, and the family and version as <see cref="GuestOsParser"/> reads
    /// them (from the name, else from offer + sku); the publisher decides the family only when the
    /// parser cannot.
    /// </summary>
    public static (string? GuestOs, string? Version, string? Family) Describe(string? publisher, string? offer, string? imageSku)
    {
        if (publisher is null || offer is null)
        {
            return (null, null, null);
        }

        var sku = imageSku ?? "";
        var (name, family) = ReadableName(publisher, offer, sku);
        var os = GuestOsParser.ParseBest(name, $"{offer} {sku}");
        return (name, os.Version, os.FamilyKey ?? family);
    }

    private static (string Name, string? Family) ReadableName(string publisher, string offer, string sku)
    {
        if (publisher.Equals("MicrosoftWindowsServer", StringComparison.OrdinalIgnoreCase))
        {
            // "2012-R2-Datacenter" is Windows Server 2012 R2.
            var version = GuestOsParser.Parse($"{offer} {sku}").Version;
            return (version is null ? $"Windows Server {sku}".Trim() : $"Windows Server {version}", "windows");
        }

        if (publisher.Equals("MicrosoftWindowsDesktop", StringComparison.OrdinalIgnoreCase))
        {
            var year = new string([.. sku.TakeWhile(char.IsDigit)]);
            return (year.Length >= 2 ? $"Windows {year}" : $"Windows {sku}".Trim(), "windows");
        }

        if (publisher.Equals("MicrosoftSQLServer", StringComparison.OrdinalIgnoreCase))
        {
            // Offers like "sql2019-ws2022": the OS is the ws part.
            var ws = offer.IndexOf("-ws", StringComparison.OrdinalIgnoreCase);
            var year = ws >= 0 ? offer[(ws + 3)..] : "";
            return (year.Length == 4 ? $"Windows Server {year}" : $"{offer} {sku}", "windows");
        }

        var linuxVersion = LinuxVersion(sku);
        if (publisher.Equals("Canonical", StringComparison.OrdinalIgnoreCase))
        {
            return ($"Ubuntu {linuxVersion}", "linux");
        }

        if (publisher.Equals("RedHat", StringComparison.OrdinalIgnoreCase))
        {
            return ($"Red Hat Enterprise Linux {linuxVersion}", "linux");
        }

        var linux = publisher is "SUSE" or "suse" or "OpenLogic" or "Debian" or "debian" or "Oracle" or "almalinux" or "resf";
        return ($"{offer} {sku}".Trim(), linux ? "linux" : null);
    }

    /// <summary>"22_04-lts-gen2" → "22.04", "8_6" → "8.6", "7.9" → "7.9".</summary>
    private static string LinuxVersion(string sku)
    {
        var head = sku.Split('-')[0].Replace('_', '.');
        return head.Length > 0 && char.IsDigit(head[0]) ? head : sku;
    }
}
