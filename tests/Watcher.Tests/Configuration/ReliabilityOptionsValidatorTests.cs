using Watcher.Configuration;

namespace Watcher.Tests.Configuration;

public sealed class ReliabilityOptionsValidatorTests
{
    private const string Org = "m-0123456789abcdef0123456789abcdef";

    public static TheoryData<string, Action<WatcherOptions>, string> BadSettings => new()
    {
        { "rate too low", o => o.Aws.MaxRequestsPerSecond = 0.05, "Watcher:Aws:MaxRequestsPerSecond must be between 0.1 and 1000, but was 0.05" },
        { "rate too high", o => o.Aws.MaxRequestsPerSecond = 1001, "Watcher:Aws:MaxRequestsPerSecond must be between 0.1 and 1000, but was 1001" },
        { "rate not a number", o => o.Aws.MaxRequestsPerSecond = double.NaN, "Watcher:Aws:MaxRequestsPerSecond must be between 0.1 and 1000" },
        { "backoff too short", o => o.MaxBackoff = TimeSpan.FromSeconds(5), "Watcher:MaxBackoff must be between 10s and 1d, but was 5s" },
        { "backoff too long", o => o.MaxBackoff = TimeSpan.FromDays(2), "Watcher:MaxBackoff must be between 10s and 1d, but was 2d" },
        { "shutdown timeout zero", o => o.ShutdownTimeout = TimeSpan.Zero, "Watcher:ShutdownTimeout must be between 1s and 5m, but was 0s" },
        { "shutdown timeout too long", o => o.ShutdownTimeout = TimeSpan.FromMinutes(6), "Watcher:ShutdownTimeout must be between 1s and 5m, but was 6m" },
    };

    [Fact]
    public void Validate_Defaults_AreValidAndDocumented()
    {
        var options = Valid();

        var result = Validator().Validate(null, options);

        Assert.True(result.Succeeded, result.FailureMessage);
        Assert.Equal(10, options.Aws.MaxRequestsPerSecond);
        Assert.Equal(TimeSpan.FromHours(1), options.MaxBackoff);
        Assert.Equal(TimeSpan.FromSeconds(10), options.ShutdownTimeout);
    }

    [Fact]
    public void Validate_SettingsAtTheirBounds_Succeeds()
    {
        foreach (var (rate, backoff, shutdown) in new[] { (0.1, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(1)), (1000.0, TimeSpan.FromDays(1), TimeSpan.FromMinutes(5)) })
        {
            var options = Valid();
            options.Aws.MaxRequestsPerSecond = rate;
            options.MaxBackoff = backoff;
            options.ShutdownTimeout = shutdown;

            var result = Validator().Validate(null, options);

            Assert.True(result.Succeeded, result.FailureMessage);
        }
    }

    [Theory]
    [MemberData(nameof(BadSettings))]
    public void Validate_OutOfBounds_ReportsTheKeyPath(string because, Action<WatcherOptions> change, string expected)
    {
        ArgumentNullException.ThrowIfNull(change);
        var options = Valid();
        change(options);

        var result = Validator().Validate(null, options);

        Assert.True(result.Failed, because);
        Assert.Contains(result.Failures!, f => f.StartsWith(expected, StringComparison.Ordinal));
    }

    private static WatcherOptions Valid() => new()
    {
        Aws = new AwsOptions { Region = "eu-west-1" },
        Jobs = [new WatchedJobOptions { OrganizationId = Org, JobId = "job-1" }],
    };

    private static WatcherOptionsValidator Validator() => new(new NoRegion());

    private sealed class NoRegion : IDefaultRegionSource
    {
        public string? GetRegion() => null;
    }
}
