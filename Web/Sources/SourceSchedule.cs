using System.Globalization;
using Cronos;
using Microsoft.Extensions.Localization;
using Sourcing.Collector.Scans;
using Sourcing.Collector.Sources;

namespace Sourcing.Web.Sources;

/// <summary>
/// A source's scan schedule (five-field cron in a time zone): validated with Cronos, the parser
/// Hangfire uses, and told in words for the common shapes ("0 2 * * *" = every night at 02:00).
/// </summary>
public static class SourceSchedule
{
    public const string DefaultCron = "0 2 * * *";
    public const string DefaultTimeZone = "Europe/Stockholm";

    /// <summary>The one cron check (<see cref="CronSchedule"/>), with the parsed expression for the preview.</summary>
    public static bool TryParse(string? cron, out CronExpression? expression) => CronSchedule.TryParse(cron, out expression);

    public static bool TryFindTimeZone(string? id, out TimeZoneInfo? zone) => SourceValidator.TryFindTimeZone(id, out zone);

    /// <summary>The next runs in UTC, or none when the expression or zone is not valid.</summary>
    public static IReadOnlyList<DateTime> NextRuns(string? cron, string? timeZone, DateTimeOffset from, int count)
    {
        if (!TryParse(cron, out var expression) || !TryFindTimeZone(timeZone, out var zone))
        {
            return [];
        }

        return expression!.GetOccurrences(from.UtcDateTime, from.UtcDateTime.AddYears(2), zone!).Take(count).ToList();
    }

    /// <summary>The schedule in words ("varje natt kl. 02:00"), or null for shapes it does not tell (the next runs are shown instead).</summary>
    public static string? Describe(string? cron, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!TryParse(cron, out _))
        {
            return null;
        }

        var f = cron!.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var (minute, hour, day, month, weekday) = (f[0], f[1], f[2], f[3], f[4]);
        if (day != "*" || month != "*")
        {
            return null;
        }

        if (Number(minute, 59) is { } m && Number(hour, 23) is { } h)
        {
            var at = string.Create(CultureInfo.InvariantCulture, $"{h:00}:{m:00}");
            if (weekday == "*")
            {
                // Before six in the morning reads as "at night" in Swedish ("varje natt kl. 02:00").
                return text[h < 6 ? "SourcesForm.Cron.Nightly" : "SourcesForm.Cron.Daily", at].Value;
            }

            if (weekday is "1-5" or "MON-FRI")
            {
                return text["SourcesForm.Cron.Weekdays", at].Value;
            }

            if (Number(weekday, 7) is { } d)
            {
                var name = CultureInfo.CurrentCulture.DateTimeFormat.GetDayName((DayOfWeek)(d % 7));
                return text["SourcesForm.Cron.Weekly", name, at].Value;
            }

            return null;
        }

        if (Number(minute, 59) is { } everyHourAt && hour == "*" && weekday == "*")
        {
            return text["SourcesForm.Cron.Hourly", everyHourAt].Value;
        }

        return null;
    }

    private static int? Number(string field, int max) =>
        int.TryParse(field, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= max ? n : null;
}
