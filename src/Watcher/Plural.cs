using System.Globalization;

namespace Watcher;

/// <summary>A count and its noun, for log lines and the status page: <c>1 export job</c>, <c>2 export jobs</c>.</summary>
internal static class Plural
{
    /// <summary>The count in invariant digits, then <see cref="Noun"/>.</summary>
    public static string Of(long count, string singular, string? plural = null) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {Noun(count, singular, plural)}");

    /// <summary><paramref name="singular"/> for exactly one, else <paramref name="plural"/>, by default the singular and "s".</summary>
    public static string Noun(long count, string singular, string? plural = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(singular);
        return count == 1 ? singular : plural ?? singular + "s";
    }
}
