using Sourcing.Analyzer.Workloads;

namespace Sourcing.Analyzer.Lifecycle;

/// <summary>The one ranking of support statuses: unsupported is worse than extended-only, which is worse than unknown, then supported.</summary>
public static class SupportStatuses
{
    /// <summary>The worst status of a system's resources; <see cref="SupportStatus.Unknown"/> when it has none.</summary>
    public static SupportStatus Worst(IEnumerable<SupportStatus> statuses)
    {
        ArgumentNullException.ThrowIfNull(statuses);
        var worst = -1;
        foreach (var status in statuses)
        {
            worst = Math.Max(worst, Rank(status));
        }

        return worst switch
        {
            3 => SupportStatus.Unsupported,
            2 => SupportStatus.ExtendedOnly,
            0 => SupportStatus.Supported,
            _ => SupportStatus.Unknown,
        };
    }

    private static int Rank(SupportStatus status) => status switch
    {
        SupportStatus.Unsupported => 3,
        SupportStatus.ExtendedOnly => 2,
        SupportStatus.Unknown => 1,
        _ => 0,
    };
}
