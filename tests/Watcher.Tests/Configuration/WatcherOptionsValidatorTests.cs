using Microsoft.Extensions.Configuration;
using Watcher.Configuration;

namespace Watcher.Tests.Configuration;

public sealed class WatcherOptionsValidatorTests
{
    private const string Org = "m-0123456789abcdef0123456789abcdef";
    private const string Org2 = "m-fedcba9876543210fedcba9876543210";

    public static TheoryData<string, Dictionary<string, string?>> GoodConfigurations => new()
    {
        { "one job, region in config", Settings(("Watcher:Aws:Region", "eu-west-1"), ("Watcher:Jobs:0:OrganizationId", Org), ("Watcher:Jobs:0:JobId", "job-1")) },
        { "region from the environment", Settings(("Watcher:Jobs:0:OrganizationId", Org), ("Watcher:Jobs:0:JobId", "job-1")) },
        { "same job id in two organizations", Settings(("Watcher:Aws:Region", "us-east-1"), ("Watcher:Jobs:0:OrganizationId", Org), ("Watcher:Jobs:0:JobId", "a"), ("Watcher:Jobs:1:OrganizationId", Org2), ("Watcher:Jobs:1:JobId", "a")) },
        { "63 character job id", Settings(("Watcher:Aws:Region", "us-west-2"), ("Watcher:Jobs:0:OrganizationId", Org), ("Watcher:Jobs:0:JobId", new string('a', 63))) },
        { "service url with adaptive retries", Settings(("Watcher:Aws:Region", "us-east-1"), ("Watcher:Aws:ServiceUrl", "http://127.0.0.1:4566"), ("Watcher:Aws:RetryMode", "adaptive"), ("Watcher:Jobs:0:OrganizationId", Org), ("Watcher:Jobs:0:JobId", "x")) },
        { "bounds of interval, attempts, timeout and concurrency", Settings(("Watcher:Aws:Region", "us-east-1"), ("Watcher:PollInterval", "00:00:10"), ("Watcher:Aws:MaxAttempts", "10"), ("Watcher:Aws:RequestTimeout", "00:05:00"), ("Watcher:MaxConcurrentCalls", "64"), ("Watcher:Jobs:0:OrganizationId", Org), ("Watcher:Jobs:0:JobId", "x")) },
        { "organizations only, each with its own region, no default region needed", Settings(("Watcher:Organizations:0:OrganizationId", Org), ("Watcher:Organizations:0:Region", "us-west-2"), ("Watcher:Organizations:1:OrganizationId", Org2), ("Watcher:Organizations:1:Region", "eu-west-1")) },
        { "organization in another account with an external id", Settings(("Watcher:Aws:Region", "us-east-1"), ("Watcher:Organizations:0:OrganizationId", Org), ("Watcher:Organizations:0:RoleArn", "arn:aws:iam::111122223333:role/WatcherReader"), ("Watcher:Organizations:0:ExternalId", "legal-2026"), ("Watcher:Organizations:0:Alias", "legal")) },
        { "a job and its organization both configured", Settings(("Watcher:Aws:Region", "us-east-1"), ("Watcher:Organizations:0:OrganizationId", Org), ("Watcher:Jobs:0:OrganizationId", Org), ("Watcher:Jobs:0:JobId", "a")) },
        { "retention and limit at their bounds", Settings(("Watcher:Aws:Region", "us-east-1"), ("Watcher:Organizations:0:OrganizationId", Org), ("Watcher:TerminalJobRetention", "00:01:00"), ("Watcher:MaxWatchedJobs", "100000")) },
        { "coverage at its bounds with a store and a max age", WithJob(("Watcher:Coverage:Interval", "00:01:00"), ("Watcher:Coverage:StorePath", "/var/lib/watcher/coverage.db"), ("Watcher:Coverage:MaxAge", "90.00:00:00")) },
        { "coverage off, longest interval, no store", WithJob(("Watcher:Coverage:Enabled", "false"), ("Watcher:Coverage:Interval", "1.00:00:00"), ("Watcher:Coverage:StorePath", "")) },
        { "fips and dual-stack", Settings(("Watcher:Aws:Region", "us-east-1"), ("Watcher:Aws:UseFipsEndpoint", "true"), ("Watcher:Aws:UseDualstackEndpoint", "true"), ("Watcher:Jobs:0:OrganizationId", Org), ("Watcher:Jobs:0:JobId", "x")) },
    };

    public static TheoryData<string, Dictionary<string, string?>, string> BadConfigurations => new()
    {
        { "malformed organization id", Settings(("Watcher:Aws:Region", "eu-west-1"), ("Watcher:Jobs:0:OrganizationId", "bogus"), ("Watcher:Jobs:0:JobId", "a")), "Watcher:Jobs:0:OrganizationId must match ^m-[0-9a-f]{32}$, but was 'bogus'" },
        { "upper-case organization id", Settings(("Watcher:Aws:Region", "eu-west-1"), ("Watcher:Jobs:0:OrganizationId", Org.ToUpperInvariant()), ("Watcher:Jobs:0:JobId", "a")), "Watcher:Jobs:0:OrganizationId must match" },
        { "missing organization id", Settings(("Watcher:Aws:Region", "eu-west-1"), ("Watcher:Jobs:0:JobId", "a")), "Watcher:Jobs:0:OrganizationId is required" },
        { "missing job id", Settings(("Watcher:Aws:Region", "eu-west-1"), ("Watcher:Jobs:0:OrganizationId", Org)), "Watcher:Jobs:0:JobId is required" },
        { "job id too long", Settings(("Watcher:Aws:Region", "eu-west-1"), ("Watcher:Jobs:0:OrganizationId", Org), ("Watcher:Jobs:0:JobId", new string('a', 64))), "Watcher:Jobs:0:JobId must be 1 to 63 characters of [A-Za-z0-9-]" },
        { "job id with underscore", Settings(("Watcher:Aws:Region", "eu-west-1"), ("Watcher:Jobs:0:OrganizationId", Org), ("Watcher:Jobs:0:JobId", "a_b")), "Watcher:Jobs:0:JobId must be 1 to 63 characters" },
        { "bad entry is named by its index", Settings(("Watcher:Aws:Region", "eu-west-1"), ("Watcher:Jobs:0:OrganizationId", Org), ("Watcher:Jobs:0:JobId", "a"), ("Watcher:Jobs:1:OrganizationId", Org), ("Watcher:Jobs:1:JobId", "b"), ("Watcher:Jobs:2:OrganizationId", "m-1"), ("Watcher:Jobs:2:JobId", "b")), "Watcher:Jobs:2:OrganizationId must match" },
        { "duplicate job", Settings(("Watcher:Aws:Region", "eu-west-1"), ("Watcher:Jobs:0:OrganizationId", Org), ("Watcher:Jobs:0:JobId", "a"), ("Watcher:Jobs:1:OrganizationId", Org), ("Watcher:Jobs:1:JobId", "a")), "Watcher:Jobs:1 repeats Watcher:Jobs:0" },
        { "nothing to watch", Settings(("Watcher:Aws:Region", "eu-west-1")), "Watcher:Jobs or Watcher:Organizations must list at least one export job or organization to watch" },
        { "zero poll interval", WithJob(("Watcher:PollInterval", "00:00:00")), "Watcher:PollInterval must be between 10s and 1d, but was 0s" },
        { "negative poll interval", WithJob(("Watcher:PollInterval", "-00:01:00")), "Watcher:PollInterval must be between" },
        { "poll interval over a day", WithJob(("Watcher:PollInterval", "2.00:00:00")), "Watcher:PollInterval must be between" },
        { "zero concurrency", WithJob(("Watcher:MaxConcurrentCalls", "0")), "Watcher:MaxConcurrentCalls must be between 1 and 64, but was 0" },
        { "too much concurrency", WithJob(("Watcher:MaxConcurrentCalls", "65")), "Watcher:MaxConcurrentCalls must be between 1 and 64" },
        { "unknown retry mode", WithJob(("Watcher:Aws:RetryMode", "legacy")), "Watcher:Aws:RetryMode must be Standard or Adaptive, but was 'legacy'" },
        { "numeric retry mode", WithJob(("Watcher:Aws:RetryMode", "1")), "Watcher:Aws:RetryMode must be Standard or Adaptive" },
        { "zero attempts", WithJob(("Watcher:Aws:MaxAttempts", "0")), "Watcher:Aws:MaxAttempts must be between 1 and 10, but was 0" },
        { "too many attempts", WithJob(("Watcher:Aws:MaxAttempts", "11")), "Watcher:Aws:MaxAttempts must be between 1 and 10" },
        { "zero request timeout", WithJob(("Watcher:Aws:RequestTimeout", "00:00:00")), "Watcher:Aws:RequestTimeout must be between 1s and 5m" },
        { "relative service url", WithJob(("Watcher:Aws:ServiceUrl", "/workmail")), "Watcher:Aws:ServiceUrl must be an absolute http or https URL, but was '/workmail'" },
        { "ftp service url", WithJob(("Watcher:Aws:ServiceUrl", "ftp://example.com")), "Watcher:Aws:ServiceUrl must be an absolute http or https URL" },
        { "malformed organization to discover", WithJob(("Watcher:Organizations:0:OrganizationId", "m-xyz")), "Watcher:Organizations:0:OrganizationId must match ^m-[0-9a-f]{32}$, but was 'm-xyz'" },
        { "missing organization to discover", WithJob(("Watcher:Organizations:0:Alias", "legal")), "Watcher:Organizations:0:OrganizationId is required" },
        { "duplicate organization", WithJob(("Watcher:Organizations:0:OrganizationId", Org), ("Watcher:Organizations:1:OrganizationId", Org)), "Watcher:Organizations:1 repeats Watcher:Organizations:0" },
        { "malformed organization region", WithJob(("Watcher:Organizations:0:OrganizationId", Org), ("Watcher:Organizations:0:Region", "EU")), "Watcher:Organizations:0:Region must be a region name such as eu-west-1, but was 'EU'" },
        { "malformed role arn", WithJob(("Watcher:Organizations:0:OrganizationId", Org), ("Watcher:Organizations:0:RoleArn", "arn:aws:iam::123:user/bob")), "Watcher:Organizations:0:RoleArn must be an IAM role ARN" },
        { "external id without a role", WithJob(("Watcher:Organizations:0:OrganizationId", Org), ("Watcher:Organizations:0:ExternalId", "secret-ish")), "Watcher:Organizations:0:ExternalId is set but Watcher:Organizations:0:RoleArn is not" },
        { "external id with spaces", WithJob(("Watcher:Organizations:0:OrganizationId", Org), ("Watcher:Organizations:0:RoleArn", "arn:aws:iam::111122223333:role/r"), ("Watcher:Organizations:0:ExternalId", "a b")), "Watcher:Organizations:0:ExternalId must be 2 to 1224 characters" },
        { "alias too long", WithJob(("Watcher:Organizations:0:OrganizationId", Org), ("Watcher:Organizations:0:Alias", new string('a', 65))), "Watcher:Organizations:0:Alias must be at most 64 characters" },
        { "zero watched jobs", WithJob(("Watcher:MaxWatchedJobs", "0")), "Watcher:MaxWatchedJobs must be between 1 and 100000, but was 0" },
        { "more jobs than the limit", WithJob(("Watcher:MaxWatchedJobs", "1"), ("Watcher:Jobs:1:OrganizationId", Org), ("Watcher:Jobs:1:JobId", "b")), "Watcher:Jobs lists 2 jobs, more than Watcher:MaxWatchedJobs (1)" },
        { "zero retention", WithJob(("Watcher:TerminalJobRetention", "00:00:00")), "Watcher:TerminalJobRetention must be between 1m and 30d" },
        { "coverage interval under a minute", WithJob(("Watcher:Coverage:Interval", "00:00:30")), "Watcher:Coverage:Interval must be between 1m and 1d, but was 30s" },
        { "coverage interval over a day", WithJob(("Watcher:Coverage:Interval", "1.00:00:01")), "Watcher:Coverage:Interval must be between 1m and 1d" },
        { "zero coverage max age", WithJob(("Watcher:Coverage:MaxAge", "00:00:00")), "Watcher:Coverage:MaxAge must be a positive duration" },
        { "whitespace store path", WithJob(("Watcher:Coverage:StorePath", "   ")), "Watcher:Coverage:StorePath must be a file path, or empty to keep completions in memory only, but was only whitespace" },
        { "store path naming a folder", WithJob(("Watcher:Coverage:StorePath", "/var/lib/watcher/")), "Watcher:Coverage:StorePath must name a file such as /var/lib/watcher/coverage.db, not a folder, but was '/var/lib/watcher/'" },
        { "relative sts url", WithJob(("Watcher:Aws:StsServiceUrl", "sts.local")), "Watcher:Aws:StsServiceUrl must be an absolute http or https URL, but was 'sts.local'" },
        { "malformed region", WithJob(("Watcher:Aws:Region", "Ireland")), "Watcher:Aws:Region must be a region name such as eu-west-1, but was 'Ireland'" },
    };

    [Theory]
    [MemberData(nameof(GoodConfigurations))]
    public void Validate_WithGoodConfiguration_Succeeds(string scenario, Dictionary<string, string?> settings)
    {
        var result = Validate(settings, environmentRegion: "eu-west-1");

        Assert.True(result.Succeeded, $"{scenario}: {string.Join("; ", result.Failures ?? [])}");
    }

    [Theory]
    [MemberData(nameof(BadConfigurations))]
    public void Validate_WithBadConfiguration_FailsNamingTheKey(string scenario, Dictionary<string, string?> settings, string expected)
    {
        var result = Validate(settings, environmentRegion: "eu-west-1");

        Assert.True(result.Failed, scenario);
        var failure = Assert.Single(result.Failures!);
        Assert.StartsWith(expected, failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WithNoRegionAnywhere_FailsNamingRegionAndTheFallbacks()
    {
        var result = Validate(Settings(("Watcher:Aws:ServiceUrl", "http://127.0.0.1:1"), ("Watcher:Jobs:0:OrganizationId", Org), ("Watcher:Jobs:0:JobId", "a")), environmentRegion: null);

        var failure = Assert.Single(result.Failures!);
        Assert.StartsWith("Watcher:Aws:Region must be set, or AWS_REGION, or a region in the shared AWS profile", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_OrganizationWithoutRegionAndNoDefault_FailsNamingTheDefaultRegion()
    {
        var result = Validate(Settings(("Watcher:Organizations:0:OrganizationId", Org)), environmentRegion: null);

        Assert.StartsWith("Watcher:Aws:Region must be set", Assert.Single(result.Failures!), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ExternalIdProblem_NeverEchoesTheExternalId()
    {
        var result = Validate(WithJob(("Watcher:Organizations:0:OrganizationId", Org), ("Watcher:Organizations:0:RoleArn", "arn:aws:iam::111122223333:role/r"), ("Watcher:Organizations:0:ExternalId", "hush hush")), environmentRegion: null);

        Assert.DoesNotContain("hush", Assert.Single(result.Failures!), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WithSeveralProblems_ReportsOneMessagePerProblem()
    {
        var result = Validate(
            Settings(("Watcher:Aws:MaxAttempts", "0"), ("Watcher:PollInterval", "00:00:01"), ("Watcher:Jobs:0:OrganizationId", "bogus"), ("Watcher:Jobs:0:JobId", "a b")),
            environmentRegion: null);

        Assert.Collection(
            result.Failures!,
            f => Assert.StartsWith("Watcher:Aws:Region", f, StringComparison.Ordinal),
            f => Assert.StartsWith("Watcher:Aws:MaxAttempts", f, StringComparison.Ordinal),
            f => Assert.StartsWith("Watcher:Jobs:0:OrganizationId", f, StringComparison.Ordinal),
            f => Assert.StartsWith("Watcher:Jobs:0:JobId", f, StringComparison.Ordinal),
            f => Assert.StartsWith("Watcher:PollInterval", f, StringComparison.Ordinal));
    }

    private static Microsoft.Extensions.Options.ValidateOptionsResult Validate(Dictionary<string, string?> settings, string? environmentRegion)
    {
        var options = new WatcherOptions();
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build().GetSection(WatcherOptions.SectionName).Bind(options);
        return new WatcherOptionsValidator(new FixedRegionSource(environmentRegion)).Validate(null, options);
    }

    private static Dictionary<string, string?> WithJob(params (string Key, string Value)[] settings) =>
        Settings([("Watcher:Aws:Region", "eu-west-1"), ("Watcher:Jobs:0:OrganizationId", Org), ("Watcher:Jobs:0:JobId", "a"), .. settings]);

    private static Dictionary<string, string?> Settings(params (string Key, string Value)[] settings)
    {
        var dictionary = new Dictionary<string, string?>();
        foreach (var (key, value) in settings)
        {
            dictionary[key] = value;
        }

        return dictionary;
    }

    private sealed class FixedRegionSource(string? region) : IDefaultRegionSource
    {
        public string? GetRegion() => region;
    }
}
