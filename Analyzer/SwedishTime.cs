namespace Sourcing.Analyzer;

/// <summary>
/// The one place that turns an instant into a Swedish date. Times are stored in UTC; wherever a
/// date is meant (today for contract windows and OS support, a decision's day, a file name) it is
/// the date in Europe/Stockholm, whatever time zone the server runs in. Read the clock through an
/// injected <see cref="TimeProvider"/>, never <see cref="DateTime.Now"/> or
/// <see cref="TimeProvider.GetLocalNow"/> (the server's zone, UTC in a container).
/// </summary>
public static class SwedishTime
{
    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    /// <summary>Today's date in Stockholm: 2026-11-22 23:30 UTC is 2026-11-23.</summary>
    public static DateOnly Today(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return DateOf(time.GetUtcNow());
    }

    /// <summary>The Stockholm date of an instant.</summary>
    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(Local(instant));

    /// <summary>The Stockholm wall-clock time of an instant.</summary>
    public static DateTime Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone).DateTime;

    /// <summary>The Stockholm wall-clock time of a UTC time (a DateTime of any kind is read as UTC, as the store returns them).</summary>
    public static DateTime Local(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);
}
