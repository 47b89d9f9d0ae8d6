using System.Globalization;
using System.Text.Json;
using Sourcing.Analyzer.Workloads;

namespace Sourcing.Analyzer.Lifecycle;

/// <summary>
/// The OS end-of-support table and the rule that turns a date into a <see cref="SupportStatus"/>:
/// before supportEnd Supported, then ExtendedOnly until extendedEnd, then Unsupported. A version of a
/// known product that is older than every row (Windows Server 2003, RHEL 5) is Unsupported; anything
/// else not in the table is Unknown.
/// </summary>
public sealed class OsLifecycleTable
{
    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };

    public OsLifecycleTable(IEnumerable<OsLifecycleEntry> entries, string retrieved, IReadOnlyList<string> sources)
    {
        Entries = [.. entries];
        Retrieved = retrieved;
        Sources = sources;
    }

    /// <summary>The table that ships with the product.</summary>
    public static OsLifecycleTable Default { get; } = Parse(OsLifecycleData.Json);

    public IReadOnlyList<OsLifecycleEntry> Entries { get; }

    public string Retrieved { get; }

    public IReadOnlyList<string> Sources { get; }

    public static OsLifecycleTable Parse(string json)
    {
        var file = JsonSerializer.Deserialize<LifecycleFile>(json, JsonOptions)
            ?? throw new FormatException("The OS lifecycle table is empty.");
        return new OsLifecycleTable(file.Entries, file.Retrieved, file.Sources);
    }

    public OsLifecycleEntry? Find(OsIdentity os) =>
        os.Product is null || os.Version is null
            ? null
            : Entries.FirstOrDefault(e => e.Product == os.Product && string.Equals(e.Version, os.Version, StringComparison.OrdinalIgnoreCase));

    public OsSupport Evaluate(string? guestOs, DateOnly asOf) => Evaluate(GuestOsParser.Parse(guestOs), asOf);

    public OsSupport Evaluate(OsIdentity os, DateOnly asOf)
    {
        var entry = Find(os);
        if (entry is null)
        {
            return new OsSupport(os, OlderThanEveryRow(os) ? SupportStatus.Unsupported : SupportStatus.Unknown, null);
        }

        var status = asOf <= entry.SupportEnd ? SupportStatus.Supported
            : entry.ExtendedEnd is { } extended && asOf <= extended ? SupportStatus.ExtendedOnly
            : SupportStatus.Unsupported;
        return new OsSupport(os, status, entry);
    }

    private bool OlderThanEveryRow(OsIdentity os)
    {
        if (os.Product is null || os.Version is null || VersionNumber(os.Version) is not { } version)
        {
            return false;
        }

        var known = Entries.Where(e => e.Product == os.Product).Select(e => VersionNumber(e.Version)).OfType<decimal>().ToList();
        return known.Count > 0 && version < known.Min();
    }

    // "2008 R2" sorts after 2008; "22.04" reads as a number.
    private static decimal? VersionNumber(string version)
    {
        var r2 = version.EndsWith(" R2", StringComparison.OrdinalIgnoreCase);
        var text = r2 ? version[..^3] : version;
        return decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? value + (r2 ? 0.5m : 0m)
            : null;
    }

    private sealed record LifecycleFile(string Retrieved, IReadOnlyList<string> Sources, IReadOnlyList<OsLifecycleEntry> Entries);
}
