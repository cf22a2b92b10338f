using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Watcher.Configuration;

/// <summary>
/// Durations as people write them in settings: <c>30s</c>, <c>5m</c>, <c>1h30m</c>, <c>1d</c> (Prometheus' units
/// <c>y w d h m s ms</c>, largest first), or .NET's <c>[d.]hh:mm:ss[.fffffff]</c>. A bare number is refused: .NET
/// would read <c>30</c> as 30 days, which nobody who writes it means.
/// </summary>
public static partial class Durations
{
    /// <summary>The forms to suggest in an error message.</summary>
    public const string Examples = "30s, 5m, 1h, 1d or 00:00:30";

    private static readonly (string Unit, TimeSpan Length)[] Units =
    [
        ("y", TimeSpan.FromDays(365)),
        ("w", TimeSpan.FromDays(7)),
        ("d", TimeSpan.FromDays(1)),
        ("h", TimeSpan.FromHours(1)),
        ("m", TimeSpan.FromMinutes(1)),
        ("s", TimeSpan.FromSeconds(1)),
        ("ms", TimeSpan.FromMilliseconds(1)),
    ];

    /// <summary>
    /// Writes a duration the way settings take it: <c>1h30m</c>, <c>30s</c>, <c>2d</c>, <c>0s</c>. Days are the
    /// largest unit (30d reads better than 4w2d); what is below a millisecond is written as .NET would.
    /// </summary>
    public static string Format(TimeSpan value)
    {
        if (value == TimeSpan.Zero)
        {
            return "0s";
        }

        if (value == TimeSpan.MinValue)
        {
            return value.ToString("c", CultureInfo.InvariantCulture);
        }

        if (value < TimeSpan.Zero)
        {
            return "-" + Format(value.Negate());
        }

        var text = new StringBuilder();
        var rest = value.Ticks;
        foreach (var (unit, length) in Units)
        {
            if (length > TimeSpan.FromDays(1) || rest < length.Ticks)
            {
                continue;
            }

            text.Append(CultureInfo.InvariantCulture, $"{rest / length.Ticks}{unit}");
            rest %= length.Ticks;
        }

        return rest == 0 ? text.ToString() : value.ToString("c", CultureInfo.InvariantCulture);
    }

    /// <summary>Reads <paramref name="text"/>, or says in <paramref name="problem"/> what is wrong with it (without the key).</summary>
    public static bool TryParse(string text, out TimeSpan value, [NotNullWhen(false)] out string? problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        value = default;
        problem = null;
        var trimmed = text.Trim();
        if (trimmed.Contains(':', StringComparison.Ordinal))
        {
            if (TimeSpan.TryParse(trimmed, CultureInfo.InvariantCulture, out value))
            {
                return true;
            }

            problem = $"'{text}' is not a duration; write {Examples}";
            return false;
        }

        if (BareNumber().IsMatch(trimmed))
        {
            problem = $"'{text}' has no unit; write {Examples}";
            return false;
        }

        var match = WithUnits().Match(trimmed);
        if (!match.Success)
        {
            problem = $"'{text}' is not a duration; write {Examples} (units y, w, d, h, m, s, ms, largest first, as in 1h30m)";
            return false;
        }

        try
        {
            for (var i = 0; i < Units.Length; i++)
            {
                if (match.Groups[i + 1] is { Success: true } group)
                {
                    value = checked(value + (Units[i].Length * long.Parse(group.ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture)));
                }
            }
        }
        catch (OverflowException)
        {
            value = default;
            problem = $"'{text}' is too long a duration; write {Examples}";
            return false;
        }

        return true;
    }

    [GeneratedRegex(@"^[+-]?[0-9]*\.?[0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex BareNumber();

    // One group per entry of Units, in the same order; "m" must not take the "m" of "ms".
    [GeneratedRegex("^(?=[0-9])(?:([0-9]+)y)?(?:([0-9]+)w)?(?:([0-9]+)d)?(?:([0-9]+)h)?(?:([0-9]+)m(?!s))?(?:([0-9]+)s)?(?:([0-9]+)ms)?$", RegexOptions.CultureInvariant)]
    private static partial Regex WithUnits();
}
