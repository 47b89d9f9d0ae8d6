using System.Text.RegularExpressions;

namespace Sourcing.Collector.Scans;

/// <summary>
/// A light check of a five-field cron expression before it is stored (Hangfire's own parser is
/// internal and would only complain when the recurring job is registered, on the server).
/// </summary>
public static partial class CronSchedule
{
    public static bool IsValid(string expression)
    {
        var fields = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return fields.Length == 5 && fields.All(f => Field().IsMatch(f));
    }

    [GeneratedRegex(@"^[0-9A-Za-z*?,/\-#LW]+$")]
    private static partial Regex Field();
}
