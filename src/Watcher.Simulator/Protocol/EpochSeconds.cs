using System.Globalization;

namespace Watcher.Simulator.Protocol;

/// <summary>awsJson timestamps: epoch seconds, always written with a millisecond fraction as the service does.</summary>
internal static class EpochSeconds
{
    public static string Format(DateTimeOffset value)
    {
        var milliseconds = value.ToUnixTimeMilliseconds();
        var seconds = Math.DivRem(milliseconds, 1000, out var fraction);
        return string.Create(CultureInfo.InvariantCulture, $"{seconds}.{fraction:000}");
    }
}
