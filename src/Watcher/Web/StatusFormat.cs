using System.Globalization;

namespace Watcher.Web;

/// <summary>How the status page writes times, durations and ratios: short, UTC, and the same in every locale.</summary>
internal static class StatusFormat
{
    public static string Timestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>The ISO 8601 form, for <c>&lt;time datetime&gt;</c>.</summary>
    public static string Iso(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    /// <summary>Two units at most: <c>42s</c>, <c>4m 12s</c>, <c>3h 05m</c>, <c>2d 03h</c>.</summary>
    public static string Duration(TimeSpan value)
    {
        // A start a little in the future of Watcher's clock is skew, not a negative duration.
        if (value < TimeSpan.Zero)
        {
            value = TimeSpan.Zero;
        }

        return value switch
        {
            { TotalMinutes: < 1 } => string.Create(CultureInfo.InvariantCulture, $"{value.Seconds}s"),
            { TotalHours: < 1 } => string.Create(CultureInfo.InvariantCulture, $"{value.Minutes}m {value.Seconds:00}s"),
            { TotalDays: < 1 } => string.Create(CultureInfo.InvariantCulture, $"{value.Hours}h {value.Minutes:00}m"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{(int)value.TotalDays}d {value.Hours:00}h"),
        };
    }

    public static string Ago(DateTimeOffset then, DateTimeOffset now) =>
        then >= now ? "just now" : Duration(now - then) + " ago";

    public static string Percent(double? ratio) =>
        ratio is { } value ? (value * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%" : "n/a";

    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
