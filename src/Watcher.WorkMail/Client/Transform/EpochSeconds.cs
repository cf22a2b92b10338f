namespace Watcher.WorkMail.Client.Transform;

/// <summary>Epoch seconds, with a fraction, to UTC, without the rounding of going through a double.</summary>
internal static class EpochSeconds
{
    private static readonly long EpochTicks = DateTimeOffset.UnixEpoch.UtcTicks;

    public static bool TryConvert(decimal seconds, out DateTimeOffset time)
    {
        time = default;

        // Year 9999 is about 2.5e11 seconds from the epoch; anything beyond 1e12 cannot be a timestamp.
        if (decimal.Abs(seconds) > 1_000_000_000_000m)
        {
            return false;
        }

        var ticks = (long)decimal.Round(seconds * TimeSpan.TicksPerSecond, MidpointRounding.AwayFromZero);
        if (ticks < -EpochTicks || ticks > DateTimeOffset.MaxValue.UtcTicks - EpochTicks)
        {
            return false;
        }

        time = DateTimeOffset.UnixEpoch.AddTicks(ticks);
        return true;
    }
}
