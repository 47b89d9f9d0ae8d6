using Cronos;

namespace Sourcing.Collector.Scans;

/// <summary>
/// The one check of a five-field cron expression before it is stored, with Cronos (the parser
/// Hangfire embeds, whose own copy is internal and would only complain when the recurring job is
/// registered, on the server). Used by the source validator and the Källor page's schedule preview.
/// </summary>
public static class CronSchedule
{
    public static bool IsValid(string? expression) => TryParse(expression, out _);

    public static bool TryParse(string? cron, out CronExpression? expression)
    {
        expression = null;
        if (string.IsNullOrWhiteSpace(cron) || cron.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries).Length != 5)
        {
            return false;
        }

        try
        {
            expression = CronExpression.Parse(string.Join(' ', cron.Split(' ', StringSplitOptions.RemoveEmptyEntries)), CronFormat.Standard);
            return true;
        }
        catch (CronFormatException)
        {
            return false;
        }
    }
}
