using Watcher.Simulator.Protocol;

namespace Watcher.Simulator.Tests.Protocol;

public class EpochSecondsTests
{
    [Theory]
    [InlineData(1732789012345L, "1732789012.345")]
    [InlineData(1732789012000L, "1732789012.000")]
    [InlineData(1732789012005L, "1732789012.005")]
    public void Format_Milliseconds_SecondsWithThreeDecimals(long unixMilliseconds, string expected)
    {
        Assert.Equal(expected, EpochSeconds.Format(DateTimeOffset.FromUnixTimeMilliseconds(unixMilliseconds)));
    }
}
