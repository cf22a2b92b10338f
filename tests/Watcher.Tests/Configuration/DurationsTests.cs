using Watcher.Configuration;

namespace Watcher.Tests.Configuration;

public sealed class DurationsTests
{
    public static TheoryData<string, TimeSpan> Readable => new()
    {
        { "30s", TimeSpan.FromSeconds(30) },
        { "5m", TimeSpan.FromMinutes(5) },
        { "1h", TimeSpan.FromHours(1) },
        { "1d", TimeSpan.FromDays(1) },
        { "2w", TimeSpan.FromDays(14) },
        { "1y", TimeSpan.FromDays(365) },
        { "500ms", TimeSpan.FromMilliseconds(500) },
        { "1h30m", TimeSpan.FromMinutes(90) },
        { "1d2h3m4s5ms", new TimeSpan(1, 2, 3, 4, 5) },
        { "90s", TimeSpan.FromSeconds(90) },
        { " 30s ", TimeSpan.FromSeconds(30) },
        { "00:00:30", TimeSpan.FromSeconds(30) },
        { "01:00:00", TimeSpan.FromHours(1) },
        { "1.00:00:00", TimeSpan.FromDays(1) },
        { "00:00:00.500", TimeSpan.FromMilliseconds(500) },
        { "-00:05:00", TimeSpan.FromMinutes(-5) },
    };

    public static TheoryData<string, string> Unreadable => new()
    {
        { "30", "'30' has no unit; write 30s, 5m, 1h, 1d or 00:00:30" },
        { "0", "'0' has no unit; write 30s, 5m, 1h, 1d or 00:00:30" },
        { "1.5", "'1.5' has no unit; write 30s, 5m, 1h, 1d or 00:00:30" },
        { "-30", "'-30' has no unit; write 30s, 5m, 1h, 1d or 00:00:30" },
        { "every minute", "'every minute' is not a duration; write 30s, 5m, 1h, 1d or 00:00:30 (units y, w, d, h, m, s, ms, largest first, as in 1h30m)" },
        { "30m1h", "'30m1h' is not a duration; write 30s, 5m, 1h, 1d or 00:00:30 (units y, w, d, h, m, s, ms, largest first, as in 1h30m)" },
        { "1h30", "'1h30' is not a duration; write 30s, 5m, 1h, 1d or 00:00:30 (units y, w, d, h, m, s, ms, largest first, as in 1h30m)" },
        { "30S", "'30S' is not a duration; write 30s, 5m, 1h, 1d or 00:00:30 (units y, w, d, h, m, s, ms, largest first, as in 1h30m)" },
        { "1.5h", "'1.5h' is not a duration; write 30s, 5m, 1h, 1d or 00:00:30 (units y, w, d, h, m, s, ms, largest first, as in 1h30m)" },
        { "s", "'s' is not a duration; write 30s, 5m, 1h, 1d or 00:00:30 (units y, w, d, h, m, s, ms, largest first, as in 1h30m)" },
        { "1 day", "'1 day' is not a duration; write 30s, 5m, 1h, 1d or 00:00:30 (units y, w, d, h, m, s, ms, largest first, as in 1h30m)" },
        { "00:99:00", "'00:99:00' is not a duration; write 30s, 5m, 1h, 1d or 00:00:30" },
        { "99999999999999999d", "'99999999999999999d' is too long a duration; write 30s, 5m, 1h, 1d or 00:00:30" },
    };

    [Theory]
    [MemberData(nameof(Readable))]
    public void TryParse_ReadableDuration_ReadsIt(string text, TimeSpan expected)
    {
        Assert.True(Durations.TryParse(text, out var value, out var problem), problem);
        Assert.Equal(expected, value);
    }

    [Theory]
    [MemberData(nameof(Unreadable))]
    public void TryParse_BareNumberOrNonsense_SaysWhyAndShowsTheForms(string text, string expected)
    {
        Assert.False(Durations.TryParse(text, out _, out var problem));
        Assert.Equal(expected, problem);
    }

    public static TheoryData<TimeSpan, string> Formatted => new()
    {
        { TimeSpan.Zero, "0s" },
        { TimeSpan.FromSeconds(30), "30s" },
        { TimeSpan.FromMinutes(90), "1h30m" },
        { TimeSpan.FromDays(30), "30d" },
        { TimeSpan.FromDays(400), "400d" },
        { new TimeSpan(1, 2, 3, 4, 5), "1d2h3m4s5ms" },
        { TimeSpan.FromMinutes(-1), "-1m" },
        { TimeSpan.FromTicks(15), "00:00:00.0000015" },
        { TimeSpan.MinValue, "-10675199.02:48:05.4775808" },
    };

    [Theory]
    [MemberData(nameof(Formatted))]
    public void Format_Duration_WritesItAsSettingsTakeIt(TimeSpan value, string expected)
    {
        var text = Durations.Format(value);

        Assert.Equal(expected, text);
        if (value >= TimeSpan.Zero)
        {
            Assert.True(Durations.TryParse(text, out var read, out var problem), problem);
            Assert.Equal(value, read);
        }
    }
}
