using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Watcher.Jobs;
using Watcher.Simulator;
using Watcher.Testing.Hosting;
using Watcher.Testing.Prometheus;
using Watcher.Testing.Time;
using Watcher.Tests.Support;
using Watcher.WorkMail;

namespace Watcher.Tests.Security;

/// <summary>Secrets stay out of logs, metrics and errors; ARNs stay out of metrics unless asked for.</summary>
[Collection(SequentialHosts.Name)]
public sealed class SecurityTests
{
    private const string CanaryAccessKey = "AKIACANARY0000000001";
    private const string CanarySecret = "CanarySecret+Do/Not/Leak0000000000000042";
    private const string CanaryToken = "CanarySessionToken//DoNotLeak/FwoGZXIvYXdzEJr0000000000000000000042==";

    // Every token the simulator's STS issues starts with this; Watcher's assumed-role token must not leak either.
    private const string IssuedTokenPrefix = "SimulatorSessionToken/";

    private const string Plain = "m-000000000000000000000000000000e1";
    private const string Partner = "m-000000000000000000000000000000e2";
    private const string Explicit = "m-000000000000000000000000000000e3";
    private const string PartnerRole = "arn:aws:iam::444455556666:role/WatcherReader";
    private const string JobRole = "arn:aws:iam::111122223333:role/WorkMailMailboxExportRole";
    private const string JobKms = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";

    [Fact]
    public async Task Secrets_ThroughFaultsCredentialErrorsAndSuccess_NeverReachLogsMetricsOrErrors()
    {
        var time = new SimulatedTime();
        await using var simulator = await WorkMailSimulator.StartAsync(
            new SimulatorOptions
            {
                Credentials = [new SimulatorCredential(CanaryAccessKey, CanarySecret)],
                Roles = [new SimulatorRole(PartnerRole, "watcher-partner")],
            },
            time.Clock);
        Seed(simulator);

        // Throttling and 5xx from the start, so the first polls fail and the SDK's error paths run.
        simulator.Faults.ThrottleRatio = 0.4;
        simulator.Faults.ServerErrorRatio = 0.3;

        var logs = new CapturingLoggerProvider();
        var scrapes = new List<string>();
        var host = await WatcherTestHost.StartAsync(new WatcherTestHostOptions
        {
            Time = time,
            ConfigureAsync = builder =>
            {
                builder.Logging.ClearProviders();
                builder.Logging.SetMinimumLevel(LogLevel.Trace);
                builder.Logging.AddProvider(logs);
                builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["Logging:LogLevel:Default"] = "Trace",
                    ["Watcher:Aws:Region"] = simulator.Region,
                    ["Watcher:Aws:ServiceUrl"] = simulator.ServiceUrl.ToString(),
                    ["Watcher:Aws:StsServiceUrl"] = simulator.ServiceUrl.ToString(),
                    ["Watcher:Aws:MaxAttempts"] = "2",
                    ["Watcher:PollInterval"] = "00:00:10",
                    ["Watcher:Organizations:0:OrganizationId"] = Plain,
                    ["Watcher:Organizations:1:OrganizationId"] = Partner,
                    ["Watcher:Organizations:1:RoleArn"] = PartnerRole,
                    ["Watcher:Organizations:1:ExternalId"] = "watcher-partner",
                    ["Watcher:Jobs:0:OrganizationId"] = Explicit,
                    ["Watcher:Jobs:0:JobId"] = "does-not-exist",
                });

                // The simulator ignores a session token sent with one of its static keys, so the canary token rides
                // along on every request without breaking the signature check.
                builder.Services.AddSingleton(new WorkMailStaticCredentials(CanaryAccessKey, CanarySecret, CanaryToken));
                return Task.CompletedTask;
            },
        });
        try
        {
            async Task<string> ScrapeAsync()
            {
                var text = await host.Client.GetStringAsync(new Uri("/metrics", UriKind.Relative));
                scrapes.Add(text);
                return text;
            }

            await host.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
            await ScrapeAsync();

            // Revoked keys: every WorkMail call answers UnrecognizedClientException.
            simulator.Faults.Reset();
            simulator.Faults.RejectCredentials = true;
            var rejectedFrom = simulator.Requests.All.Count;
            await UntilAsync(time, () => simulator.Requests.All.Skip(rejectedFrom).Count(r => r.ErrorCode?.Contains("UnrecognizedClient", StringComparison.Ordinal) == true) >= 2, "rejected calls");
            await ScrapeAsync();

            // Then everything works again.
            simulator.Faults.Reset();
            var okFrom = simulator.Requests.All.Count;
            await UntilAsync(time, () => simulator.Requests.All.Skip(okFrom).Any(r => r.OrganizationId == Plain && r.ErrorCode is null) && simulator.Requests.All.Skip(okFrom).Any(r => r.OrganizationId == Partner && r.ErrorCode is null), "successful calls");
            var last = await ScrapeAsync();

            // The scenario really ran every path: errors of several kinds, successes, the canary key, the role.
            var requests = simulator.Requests.All;
            Assert.Contains(requests, r => r.ErrorCode?.Contains("Throttling", StringComparison.Ordinal) == true);
            Assert.Contains(requests, r => r.ErrorCode?.Contains("UnrecognizedClient", StringComparison.Ordinal) == true);
            Assert.Contains(requests, r => r.AccessKeyId == CanaryAccessKey && r.SignatureValid && r.ErrorCode is null);
            Assert.Contains(requests, r => r.OrganizationId == Partner && r.AssumedRoleArn is not null && r.ErrorCode is null);
            Assert.Contains("workmail_export_job_state", last, StringComparison.Ordinal);
            Assert.Contains("workmail_api_request_errors_total", last, StringComparison.Ordinal);
            Assert.Contains(logs.Entries, e => e.Level == LogLevel.Trace || e.Level == LogLevel.Debug);
            Assert.Contains(logs.Entries, e => e.Level >= LogLevel.Warning);

            // Errors Watcher keeps and surfaces: the last error message of every job and organization.
            var surfaced = host.Services.GetRequiredService<ExportJobStore>().Current.Values.Select(j => $"{j.LastErrorCode} {j.LastErrorMessage}")
                .Concat(host.Services.GetRequiredService<OrganizationStore>().Current.Values.Select(o => o.ToString()))
                .ToList();
            Assert.Contains(surfaced, s => s.Trim().Length > 0);

            foreach (var canary in new[] { CanarySecret, CanaryToken, IssuedTokenPrefix, "CanarySecret", "CanarySessionToken" })
            {
                Assert.All(logs.Entries, e => Assert.DoesNotContain(canary, e.Text, StringComparison.Ordinal));
                Assert.All(scrapes, s => Assert.DoesNotContain(canary, s, StringComparison.Ordinal));
                Assert.All(surfaced, s => Assert.DoesNotContain(canary, s, StringComparison.Ordinal));
            }
        }
        finally
        {
            await host.DisposeAsync();
        }

        // Shutdown logs too.
        Assert.All(logs.Entries, e => Assert.DoesNotContain(CanarySecret, e.Text, StringComparison.Ordinal));
        Assert.All(logs.Entries, e => Assert.DoesNotContain(CanaryToken, e.Text, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Metrics_IncludeArns_ExportsRoleAndKmsArnsOnlyWhenTrue(bool includeArns)
    {
        await using var simulator = await WorkMailSimulator.StartAsync(new SimulatorOptions
        {
            Roles = [new SimulatorRole(PartnerRole, "watcher-partner")],
        });
        Seed(simulator);
        await using var host = await WatcherTestHost.StartAsync(simulator, new
        {
            Aws = new { Region = simulator.Region, ServiceUrl = simulator.ServiceUrl.ToString(), StsServiceUrl = simulator.ServiceUrl.ToString() },
            Organizations = new object[]
            {
                new { OrganizationId = Plain },
                new { OrganizationId = Partner, RoleArn = PartnerRole, ExternalId = "watcher-partner" },
            },
            Metrics = new { IncludeArns = includeArns },
        });
        await host.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));

        var text = await host.Client.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        var info = PrometheusText.Parse(text).Named("workmail_export_job_info").ToList();

        Assert.Equal(6, info.Count);
        if (includeArns)
        {
            Assert.All(info, s => Assert.Equal((JobRole, JobKms), (s["role_arn"], s["kms_key_arn"])));
        }
        else
        {
            Assert.All(info, s => Assert.False(s.Labels.ContainsKey("role_arn") || s.Labels.ContainsKey("kms_key_arn")));
            Assert.DoesNotContain("arn:aws:", text, StringComparison.Ordinal);
        }

        // The role Watcher assumes is configuration, never a label.
        Assert.DoesNotContain(PartnerRole, text, StringComparison.Ordinal);
    }

    private static void Seed(WorkMailSimulator simulator)
    {
        simulator.Store.AddOrganization(Plain, "plain");
        simulator.Store.AddOrganization(Partner, "partner");
        simulator.Store.AddOrganization(Explicit, "explicit");
        foreach (var organizationId in new[] { Plain, Partner })
        {
            simulator.Store.AddJobs(organizationId,
            [
                new SimulatedJob { Duration = TimeSpan.FromHours(2), Outcome = SimulatedOutcome.RunForever },
                new SimulatedJob { StartOffset = -TimeSpan.FromHours(3), Duration = TimeSpan.FromMinutes(30) },
                new SimulatedJob { StartOffset = -TimeSpan.FromHours(2), Duration = TimeSpan.FromMinutes(30), Outcome = SimulatedOutcome.Fail, OutcomeAtProgress = 40, ErrorInfo = "Access denied to the S3 bucket" },
            ]);
        }
    }

    /// <summary>Lets simulated time pass until <paramref name="condition"/> holds, then until every poll under way has finished.</summary>
    private static async Task UntilAsync(SimulatedTime time, Func<bool> condition, string what)
    {
        await time.AdvanceUntilAsync(() => Task.FromResult(condition() ? string.Empty : null), TimeSpan.FromSeconds(40), () => what);
        await time.SettleAsync();
    }

    private sealed record Entry(LogLevel Level, string Text);

    /// <summary>Keeps every log entry of every category: the formatted message, the state's values and the exception.</summary>
    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        private readonly ConcurrentQueue<Entry> _entries = new();

        public IReadOnlyList<Entry> Entries => [.. _entries];

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<Entry> entries) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull
            {
                entries.Enqueue(new Entry(LogLevel.Trace, $"{category} scope {state}"));
                return null;
            }

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(' ', pairs.Select(p => $"{p.Key}={p.Value}")) : string.Empty;
                entries.Enqueue(new Entry(logLevel, $"{category} {formatter(state, exception)} {values} {exception}"));
            }
        }
    }
}
