using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Watcher.Configuration;
using Watcher.Coverage;
using Watcher.Jobs;
using Watcher.Metrics;
using Watcher.Polling;

namespace Watcher.Tests.Support;

/// <summary>
/// The polling path wired as the app wires it (stores, metrics, <see cref="WatchedJobs"/>, both pollers), on a fake
/// clock and a scripted WorkMail, with every log line collected.
/// </summary>
internal sealed class PollingRig : IDisposable
{
    private readonly ILoggerFactory _loggerFactory;

    public PollingRig(WatcherOptions options, DateTimeOffset now)
    {
        Time = new FakeTimeProvider(now);
        _loggerFactory = LoggerFactory.Create(b => b.AddProvider(new FakeLoggerProvider(Logs)));
        var wrapped = Options.Create(options);
        Metrics = new WatcherMetrics(Meters, Store, Organizations, wrapped);
        var policy = new LastGoodWatcherOptions(wrapped);
        Completions = new CompletionRecorder(wrapped, Time);
        var watched = new WatchedJobs(Store, Organizations, policy, Metrics, Completions, _loggerFactory.CreateLogger<WatchedJobs>());
        JobPoller = new ExportJobPoller(watched, policy, Time);
        OrganizationPoller = new OrganizationPoller(watched, JobPoller, WorkMail, policy, Time, _loggerFactory.CreateLogger<OrganizationPoller>());
        CoverageScanner = new CoverageScanner(Organizations, Store, CompletionStore, Coverage, WorkMail, policy, Time, _loggerFactory.CreateLogger<CoverageScanner>());
    }

    public FakeTimeProvider Time { get; }

    public ScriptedWorkMail WorkMail { get; } = new();

    public ExportJobStore Store { get; } = new();

    public CoverageStore Coverage { get; } = new();

    /// <summary>The remembered completions the coverage scanner reads; the rig's recorder does not write to it.</summary>
    public NoCompletionStore CompletionStore { get; } = new();

    public CoverageScanner CoverageScanner { get; }

    public OrganizationStore Organizations { get; } = new();

    public TestMeterFactory Meters { get; } = new();

    public FakeLogCollector Logs { get; } = new();

    public WatcherMetrics Metrics { get; }

    /// <summary>What the polls handed over for coverage; nothing drains it, so a test reads what was queued.</summary>
    public CompletionRecorder Completions { get; }

    public ExportJobPoller JobPoller { get; }

    public OrganizationPoller OrganizationPoller { get; }

    public void Dispose()
    {
        Meters.Dispose();
        _loggerFactory.Dispose();
    }
}
