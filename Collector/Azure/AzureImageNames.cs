using Azure.ResourceManager.Compute.Models;

namespace Sourcing.Collector.Azure;

/// <summary>Readable OS names from marketplace image references ("Windows Server 2019", "Ubuntu 22.04").</summary>
internal static class AzureImageNames
{
    public static (string? GuestOs, string? Version, string? Family) Describe(ImageReference? image) =>
        Describe(image?.Publisher, image?.Offer, image?.Sku);

    public static (string? GuestOs, string? Version, string? Family) Describe(string? publisher, string? offer, string? imageSku)
    {
        if (publisher is null || offer is null)
        {
            return (null, null, null);
        }

        var sku = imageSku ?? "";
        if (publisher.Equals("MicrosoftWindowsServer", StringComparison.OrdinalIgnoreCase)
            || publisher.Equals("MicrosoftWindowsDesktop", StringComparison.OrdinalIgnoreCase))
        {
            var year = new string([.. sku.TakeWhile(char.IsDigit)]);
            var product = publisher.Equals("MicrosoftWindowsServer", StringComparison.OrdinalIgnoreCase) ? "Windows Server" : "Windows";
            return year.Length >= 2 ? ($"{product} {year}", year, "windows") : ($"{product} {sku}".Trim(), sku, "windows");
        }

        if (publisher.Equals("MicrosoftSQLServer", StringComparison.OrdinalIgnoreCase))
        {
            // Offers like "sql2019-ws2022": the OS is the ws part.
            var ws = offer.IndexOf("-ws", StringComparison.OrdinalIgnoreCase);
            var year = ws >= 0 ? offer[(ws + 3)..] : "";
            return year.Length == 4 ? ($"Windows Server {year}", year, "windows") : ($"{offer} {sku}", sku, "windows");
        }

        var version = LinuxVersion(sku);
        if (publisher.Equals("Canonical", StringComparison.OrdinalIgnoreCase))
        {
            return ($"Ubuntu {version}", version, "linux");
        }

        if (publisher.Equals("RedHat", StringComparison.OrdinalIgnoreCase))
        {
            return ($"Red Hat Enterprise Linux {version}", version, "linux");
        }

        var linux = publisher is "SUSE" or "suse" or "OpenLogic" or "Debian" or "debian" or "Oracle" or "almalinux" or "resf";
        return ($"{offer} {sku}".Trim(), sku, linux ? "linux" : null);
    }

    /// <summary>"22_04-lts-gen2" → "22.04", "8_6" → "8.6", "7.9" → "7.9".</summary>
    private static string LinuxVersion(string sku)
    {
        var head = sku.Split('-')[0].Replace('_', '.');
        return head.Length > 0 && char.IsDigit(head[0]) ? head : sku;
    }
}
