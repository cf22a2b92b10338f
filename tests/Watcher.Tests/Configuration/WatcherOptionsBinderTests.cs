using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Watcher.Configuration;

namespace Watcher.Tests.Configuration;

/// <summary>The <c>Watcher</c> section read, bound and validated as the app does it, from an in-memory configuration.</summary>
public sealed class WatcherOptionsBinderTests
{
    private const string Org = "m-0123456789abcdef0123456789abcdef";
    private const string Examples = "write 30s, 5m, 1h, 1d or 00:00:30";

    /// <summary>A valid configuration (one job; the region comes from the fake environment) that each case adds to.</summary>
    private static readonly (string Key, string? Value)[] Base = [("Watcher:Jobs:0:OrganizationId", Org), ("Watcher:Jobs:0:JobId", "job-1")];

    public static TheoryData<string, (string Key, string? Value)[], Func<WatcherOptions, object>, object> GoodConfigurations => new()
    {
        { "duration in seconds", [("Watcher:PollInterval", "30s")], o => o.PollInterval, TimeSpan.FromSeconds(30) },
        { "duration in minutes", [("Watcher:PollInterval", "5m")], o => o.PollInterval, TimeSpan.FromMinutes(5) },
        { "duration in hours and minutes", [("Watcher:MaxBackoff", "1h30m")], o => o.MaxBackoff, TimeSpan.FromMinutes(90) },
        { "duration in days", [("Watcher:TerminalJobRetention", "7d")], o => o.TerminalJobRetention, TimeSpan.FromDays(7) },
        { "nested duration", [("Watcher:Aws:RequestTimeout", "15s")], o => o.Aws.RequestTimeout, TimeSpan.FromSeconds(15) },
        { "duration as hh:mm:ss", [("Watcher:ShutdownTimeout", "00:00:20")], o => o.ShutdownTimeout, TimeSpan.FromSeconds(20) },
        { "keys in another case", [("watcher:pollinterval", "20s"), ("WATCHER:AWS:MAXATTEMPTS", "5")], o => (o.PollInterval, o.Aws.MaxAttempts), (TimeSpan.FromSeconds(20), 5) },
        { "empty value keeps the default", [("Watcher:PollInterval", "")], o => o.PollInterval, TimeSpan.FromMinutes(1) },
        { "empty list, as JSON's []", [("Watcher:Organizations", "")], o => o.Organizations.Count, 0 },
        { "empty section, as JSON's {}", [("Watcher:Metrics", "")], o => o.Metrics.IncludeArns, false },
        { "boolean in capitals", [("Watcher:Metrics:IncludeArns", "True")], o => o.Metrics.IncludeArns, true },
        { "number with a fraction", [("Watcher:Aws:MaxRequestsPerSecond", "2.5")], o => o.Aws.MaxRequestsPerSecond, 2.5 },
        { "every organization key", [("Watcher:Organizations:0:OrganizationId", Org), ("Watcher:Organizations:0:Region", "us-east-1"), ("Watcher:Organizations:0:RoleArn", "arn:aws:iam::111122223333:role/r"), ("Watcher:Organizations:0:ExternalId", "ext-1"), ("Watcher:Organizations:0:Alias", "legal")], o => o.Organizations[0].Alias!, "legal" },
        { "keys outside Watcher are not Watcher's business", [("Logging:LogLevel:Quartz", "Warning"), ("Urls", "http://127.0.0.1:0"), ("Whatever", "x")], o => o.Jobs.Count, 1 },
    };

    public static TheoryData<string, (string Key, string? Value)[], string[]> BadConfigurations => new()
    {
        { "misspelt top-level key", [("Watcher:PollIntervall", "00:00:30")], ["Watcher:PollIntervall is not a setting; did you mean Watcher:PollInterval?"] },
        { "misspelt key keeps the case it was written in", [("watcher:pollintervall", "30s")], ["Watcher:pollintervall is not a setting; did you mean Watcher:PollInterval?"] },
        { "misspelt key in a job", [("Watcher:Jobs:0:JobIdd", "x")], ["Watcher:Jobs:0:JobIdd is not a setting; did you mean Watcher:Jobs:0:JobId?"] },
        { "unknown key in a job, nothing close", [("Watcher:Jobs:0:Foo", "x")], ["Watcher:Jobs:0:Foo is not a setting; Watcher:Jobs:0 takes OrganizationId, JobId"] },
        { "misspelt key in an organization", [("Watcher:Organizations:0:OrganizationId", Org), ("Watcher:Organizations:0:Alais", "legal")], ["Watcher:Organizations:0:Alais is not a setting; did you mean Watcher:Organizations:0:Alias?"] },
        { "misspelt key under Aws", [("Watcher:Aws:Regoin", "eu-west-1")], ["Watcher:Aws:Regoin is not a setting; did you mean Watcher:Aws:Region?"] },
        { "setting of another section", [("Watcher:Region", "eu-west-1")], ["Watcher:Region is not a setting; did you mean Watcher:Aws:Region?"] },
        { "unknown section reported once", [("Watcher:Foo:Bar", "1"), ("Watcher:Foo:Baz:Qux", "2")], ["Watcher:Foo is not a setting; Watcher takes Aws, Jobs, Organizations, TerminalJobRetention, MaxWatchedJobs, PollInterval, MaxConcurrentCalls, MaxBackoff, ShutdownTimeout, Metrics, Coverage"] },
        { "list written as a section", [("Watcher:Organizations:OrganizationId", Org)], ["Watcher:Organizations:OrganizationId is not a setting; Watcher:Organizations is a list, numbered from 0, as in Watcher:Organizations:0:OrganizationId"] },
        { "key under a value", [("Watcher:PollInterval:Seconds", "30")], ["Watcher:PollInterval:Seconds is not a setting; Watcher:PollInterval is a value, with nothing under it"] },
        { "value on a section", [("Watcher:Aws", "eu-west-1")], ["Watcher:Aws is a section of settings, so it takes no value of its own, but was 'eu-west-1'"] },
        { "bare number as a duration", [("Watcher:PollInterval", "30")], [$"Watcher:PollInterval: '30' has no unit; {Examples}"] },
        { "words as a duration", [("Watcher:Aws:RequestTimeout", "soon")], [$"Watcher:Aws:RequestTimeout: 'soon' is not a duration; {Examples} (units y, w, d, h, m, s, ms, largest first, as in 1h30m)"] },
        { "words as a whole number", [("Watcher:Aws:MaxAttempts", "three")], ["Watcher:Aws:MaxAttempts: 'three' is not a whole number; write e.g. 3"] },
        { "whole number too large", [("Watcher:MaxWatchedJobs", "99999999999")], ["Watcher:MaxWatchedJobs: '99999999999' is too large; write a whole number such as 10000"] },
        { "fraction as a whole number", [("Watcher:MaxConcurrentCalls", "2.5")], ["Watcher:MaxConcurrentCalls: '2.5' is not a whole number; write e.g. 4"] },
        { "words as a number", [("Watcher:Aws:MaxRequestsPerSecond", "fast")], ["Watcher:Aws:MaxRequestsPerSecond: 'fast' is not a number; write e.g. 10 or 0.5"] },
        { "words as a boolean", [("Watcher:Metrics:IncludeArns", "yes")], ["Watcher:Metrics:IncludeArns: 'yes' is not true or false"] },
        {
            "every problem, key problems before range problems",
            [("Watcher:PollIntervall", "1m"), ("Watcher:Jobs:1:OrganizationId", "bogus"), ("Watcher:Jobs:1:JobId", "x"), ("Watcher:Jobs:2:OrganizationId", Org), ("Watcher:Jobs:2:Job", "y"), ("Watcher:Aws:MaxAttempts", "0"), ("Watcher:ShutdownTimeout", "5")],
            [
                "Watcher:Aws:MaxAttempts must be between 1 and 10, but was 0",
                "Watcher:Jobs:2:Job is not a setting; did you mean Watcher:Jobs:2:JobId?",
                "Watcher:Jobs:1:OrganizationId must match ^m-[0-9a-f]{32}$, but was 'bogus'",
                "Watcher:Jobs:2:JobId is required",
                "Watcher:PollIntervall is not a setting; did you mean Watcher:PollInterval?",
                $"Watcher:ShutdownTimeout: '5' has no unit; {Examples}",
            ]
        },
    };

    [Theory]
    [MemberData(nameof(GoodConfigurations))]
    public void Create_WithGoodConfiguration_BindsIt(string scenario, (string Key, string? Value)[] settings, Func<WatcherOptions, object> read, object expected)
    {
        var options = Create([.. Base, .. settings], out var failures);

        Assert.True(failures.Count == 0, $"{scenario}: {string.Join("; ", failures)}");
        Assert.Equal(expected, read(options!));
    }

    [Theory]
    [MemberData(nameof(BadConfigurations))]
    public void Create_WithBadConfiguration_FailsWithOneMessagePerProblemStartingWithTheKey(string scenario, (string Key, string? Value)[] settings, string[] expected)
    {
        Create([.. Base, .. settings], out var failures);

        Assert.True(expected.Order(StringComparer.Ordinal).SequenceEqual(failures.Order(StringComparer.Ordinal)), $"{scenario}:\n{string.Join('\n', failures)}");
    }

    [Fact]
    public void Create_WithSeveralProblems_ListsTheKeyProblemsFirstInKeyOrder()
    {
        (string, string?)[] jobs = [.. Enumerable.Range(1, 10).SelectMany(i => new (string, string?)[] { ($"Watcher:Jobs:{i}:OrganizationId", Org), ($"Watcher:Jobs:{i}:JobId", $"job-{i + 1}") })];

        Create([.. Base, .. jobs, ("Watcher:Jobs:10:Foo", "x"), ("Watcher:Jobs:2:Foo", "x"), ("Watcher:Aws:Foo", "x"), ("Watcher:MaxWatchedJobs", "0")], out var failures);

        Assert.Equal(
            [
                "Watcher:Aws:Foo is not a setting; Watcher:Aws takes Region, ServiceUrl, StsServiceUrl, UseFipsEndpoint, UseDualstackEndpoint, RetryMode, MaxAttempts, RequestTimeout, MaxRequestsPerSecond",
                "Watcher:Jobs:2:Foo is not a setting; Watcher:Jobs:2 takes OrganizationId, JobId",
                "Watcher:Jobs:10:Foo is not a setting; Watcher:Jobs:10 takes OrganizationId, JobId",
                "Watcher:MaxWatchedJobs must be between 1 and 100000, but was 0",
            ],
            failures);
    }

    [Fact]
    public void Create_WithUnknownKeyInAnotherSource_NamesItWhateverTheSource()
    {
        // The environment and the command line come after the files; a key is unknown wherever it comes from.
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(Base.ToDictionary(s => s.Key, s => s.Value))
            .AddEnvironmentVariables("WATCHER_BINDER_TEST_UNSET_")
            .AddCommandLine(["--Watcher:Aws:MaxAtempts=4"])
            .Build();

        Create(configuration, out var failures);

        Assert.Equal("Watcher:Aws:MaxAtempts is not a setting; did you mean Watcher:Aws:MaxAttempts?", Assert.Single(failures));
    }

    [Fact]
    public void Schema_NestedTypes_AreEveryOptionsTypeThePropertiesLeadTo()
    {
        // Native AOT keeps the properties of exactly these types for the schema (see SettingsSchema.NestedTypes).
        var found = new HashSet<Type>();
        var pending = new Queue<Type>([typeof(WatcherOptions)]);
        while (pending.TryDequeue(out var type))
        {
            foreach (var property in type.GetProperties())
            {
                var target = property.PropertyType.IsGenericType ? property.PropertyType.GetGenericArguments()[0] : property.PropertyType;
                if (target.Namespace == typeof(WatcherOptions).Namespace && found.Add(target))
                {
                    pending.Enqueue(target);
                }
            }
        }

        Assert.Equal(found.OrderBy(t => t.Name), SettingsSchema.NestedTypes.OrderBy(t => t.Name));
        Assert.Equal(
            ["Aws", "Jobs", "Organizations", "TerminalJobRetention", "MaxWatchedJobs", "PollInterval", "MaxConcurrentCalls", "MaxBackoff", "ShutdownTimeout", "Metrics", "Coverage"],
            SettingsSchema.Watcher.Children!.Keys);
    }

    [Fact]
    public void Create_WithTenThousandJobs_ListsNoSectionPerJob()
    {
        // Listing a section's children scans every key of a source, so one listing per job is seconds for 10 000 jobs.
        var settings = new Dictionary<string, string?> { ["Watcher:MaxWatchedJobs"] = "100000", ["Watcher:PollInterval"] = "30s" };
        for (var i = 0; i < 10_000; i++)
        {
            settings[$"Watcher:Jobs:{i}:OrganizationId"] = Org;
            settings[$"Watcher:Jobs:{i}:JobId"] = $"job-{i}";
        }

        var source = new CountingSource(settings);
        var options = Create(new ConfigurationBuilder().Add(source).Build(), out var failures);

        Assert.Empty(failures);
        Assert.Equal(10_000, options!.Jobs.Count);
        Assert.InRange(source.Provider!.Listings, 1, 100);
    }

    private static WatcherOptions? Create((string Key, string? Value)[] settings, out List<string> failures)
    {
        var dictionary = new Dictionary<string, string?>();
        foreach (var (key, value) in settings)
        {
            if (value is null)
            {
                dictionary.Remove(key);
            }
            else
            {
                dictionary[key] = value;
            }
        }

        return Create(new ConfigurationBuilder().AddInMemoryCollection(dictionary).Build(), out failures);
    }

    private static WatcherOptions? Create(IConfiguration configuration, out List<string> failures)
    {
        var services = new ServiceCollection()
            .AddSingleton(configuration)
            .AddSingleton<IDefaultRegionSource>(new FixedRegionSource("eu-west-1"))
            .AddWatcherOptions()
            .BuildServiceProvider();
        try
        {
            failures = [];
            return services.GetRequiredService<IOptionsFactory<WatcherOptions>>().Create(Options.DefaultName);
        }
        catch (OptionsValidationException ex)
        {
            failures = [.. ex.Failures];
            return null;
        }
    }

    private sealed class CountingSource(Dictionary<string, string?> data) : IConfigurationSource
    {
        public CountingProvider? Provider { get; private set; }

        public IConfigurationProvider Build(IConfigurationBuilder builder) => Provider = new CountingProvider(new MemoryConfigurationSource { InitialData = data });
    }

    private sealed class CountingProvider(MemoryConfigurationSource source) : MemoryConfigurationProvider(source)
    {
        private int _listings;

        public int Listings => Volatile.Read(ref _listings);

        public override IEnumerable<string> GetChildKeys(IEnumerable<string> earlierKeys, string? parentPath)
        {
            Interlocked.Increment(ref _listings);
            return base.GetChildKeys(earlierKeys, parentPath);
        }
    }

    private sealed class FixedRegionSource(string? region) : IDefaultRegionSource
    {
        public string? GetRegion() => region;
    }
}
