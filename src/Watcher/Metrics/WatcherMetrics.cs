using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;
using Watcher.Configuration;
using Watcher.Jobs;
using Watcher.WorkMail.Model;

namespace Watcher.Metrics;

/// <summary>
/// Every instrument Watcher exports. Names and units are chosen so that the Prometheus exporter produces
/// exactly the names in the README's metric reference.
/// </summary>
/// <remarks>
/// OpenTelemetry's cumulative streams never give back the point of a series that has gone: after enough
/// jobs have come and gone, a new job would land in an <c>otel_metric_overflow</c> series. The per-job
/// gauges therefore live in a <see cref="PerJobGauges"/> generation that is replaced, under the scrape gate,
/// before the jobs it may have seen outgrow the streams' cardinality limit. Observable gauges hold no state,
/// so nothing is lost.
/// </remarks>
public sealed class WatcherMetrics : IDisposable
{
    public const string MeterName = "Watcher";

    internal static readonly string[] States = ["RUNNING", "COMPLETED", "FAILED", "CANCELLED"];

    internal static readonly double[] RequestDurationBuckets =
        [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 30];

    private readonly IMeterFactory _meterFactory;
    private readonly ExportJobStore _store;
    private readonly TimeProvider _time;
    private readonly bool _includeArns;
    private readonly int _jobsPerGeneration;
    // Scrapes run side by side (the exporter then shares one collection between them); a rotation closes the
    // gate to new scrapes and waits for the running ones to finish.
    private readonly SemaphoreSlim _scrapeGate = new(1, 1);
    private readonly Lock _scrapeCount = new();
    private readonly ManualResetEventSlim _noScrapes = new(initialState: true);
    private int _activeScrapes;
    private readonly Lock _rotation = new();
    private readonly Counter<long> _stateTransitions;
    private readonly Counter<long> _apiRequests;
    private readonly Counter<long> _apiErrors;
    private readonly Counter<long> _apiRetries;
    private readonly Histogram<double> _apiDuration;
    private PerJobGauges _perJob;
    private long _generationBudgetLeft;
    private long _addedAtGenerationStart;

    private readonly Action? _afterRotation;

    public WatcherMetrics(IMeterFactory meterFactory, ExportJobStore store, OrganizationStore organizations, TimeProvider time, IOptions<WatcherOptions> options)
        : this(meterFactory, store, organizations, time, options, afterRotation: null)
    {
    }

    /// <param name="afterRotation">Runs under the scrape gate after the per-job gauges were replaced.</param>
    public WatcherMetrics(IMeterFactory meterFactory, ExportJobStore store, OrganizationStore organizations, TimeProvider time, IOptions<WatcherOptions> options, Action? afterRotation)
    {
        _afterRotation = afterRotation;
        ArgumentNullException.ThrowIfNull(meterFactory);
        ArgumentNullException.ThrowIfNull(options);
        _meterFactory = meterFactory;
        _store = store;
        _time = time;
        _includeArns = options.Value.Metrics.IncludeArns;
        var maxWatchedJobs = Math.Max(1, options.Value.MaxWatchedJobs);
        _jobsPerGeneration = JobsPerGeneration(maxWatchedJobs);

        var meter = meterFactory.Create(MeterName, BuildInfo.Version);
        meter.CreateObservableGauge("watcher.build_info", () => new Measurement<int>(1, new TagList { { "version", BuildInfo.Version }, { "revision", BuildInfo.Revision } }), description: "Watcher's build identity; always 1.");
        meter.CreateObservableGauge("watcher.watched_jobs", () => _store.Current.Count, description: "Export jobs currently watched.");
        meter.CreateObservableGauge("watcher.watched_jobs_limit", () => maxWatchedJobs, description: "The most export jobs Watcher watches at once (Watcher:MaxWatchedJobs).");
        _ = new OrganizationGauges(meter, store, organizations);

        _stateTransitions = meter.CreateCounter<long>("workmail.export_job.state_transitions", description: "State changes of export jobs that Watcher observed.");
        _apiRequests = meter.CreateCounter<long>("workmail.api.requests", description: "WorkMail API calls Watcher made, one per call whatever the SDK retried inside it.");
        _apiErrors = meter.CreateCounter<long>("workmail.api.request_errors", description: "WorkMail API calls that failed in the end, by error code.");
        _apiRetries = meter.CreateCounter<long>("workmail.api.request_retries", description: "Retry attempts the AWS SDK made inside WorkMail API calls, by the error code that caused them.");
        _apiDuration = meter.CreateHistogram(
            "workmail.api.request_duration",
            unit: "s",
            description: "Latency of WorkMail API calls, retries included.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = RequestDurationBuckets });

        _perJob = new PerJobGauges(meterFactory, store, time, _includeArns);
        StartGeneration();
        store.Adding += () => RotateIfNeeded(pendingAdds: 1);
    }

    /// <summary>Distinct jobs one generation of per-job gauges may report: the limit, plus room for churn.</summary>
    public static int JobsPerGeneration(int maxWatchedJobs) => maxWatchedJobs + Math.Max(maxWatchedJobs / 2, 16);

    /// <summary>How many generations of per-job gauges there have been, the first one included.</summary>
    public int Generation { get; private set; } = 1;

    public void StateTransition(string organizationId, ExportJobState from, ExportJobState to) =>
        _stateTransitions.Add(1, new TagList { { "organization_id", organizationId }, { "from_state", StateName(from) }, { "to_state", StateName(to) } });

    public void ApiRequest(string operation, string organizationId) =>
        _apiRequests.Add(1, new TagList { { "operation", operation }, { "organization_id", organizationId } });

    public void ApiError(string operation, string organizationId, string errorCode) =>
        _apiErrors.Add(1, new TagList { { "operation", operation }, { "organization_id", organizationId }, { "error_code", errorCode } });

    public void ApiRetry(string operation, string organizationId, string errorCode) =>
        _apiRetries.Add(1, new TagList { { "operation", operation }, { "organization_id", organizationId }, { "error_code", errorCode } });

    public void ApiDuration(string operation, TimeSpan elapsed) =>
        _apiDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("operation", operation));

    /// <summary>
    /// Keeps a scrape apart from <see cref="RotateIfNeeded"/>, so no scrape sees the gauges half replaced. Scrapes
    /// do not wait for each other: concurrent ones (two Prometheus replicas) share the exporter's collection.
    /// </summary>
    public async Task ScrapeAsync(Func<Task> scrape)
    {
        ArgumentNullException.ThrowIfNull(scrape);
        await _scrapeGate.WaitAsync();
        lock (_scrapeCount)
        {
            if (_activeScrapes++ == 0)
            {
                _noScrapes.Reset();
            }
        }

        _scrapeGate.Release();
        try
        {
            await scrape();
        }
        finally
        {
            lock (_scrapeCount)
            {
                if (--_activeScrapes == 0)
                {
                    _noScrapes.Set();
                }
            }
        }
    }

    /// <summary>
    /// Replaces the per-job gauges when the jobs added since they were made, and <paramref name="pendingAdds"/>
    /// about to be, could outgrow their streams. The store calls it before every add, so no scrape ever sees
    /// more distinct jobs than a generation's streams hold.
    /// </summary>
    public void RotateIfNeeded(int pendingAdds = 0)
    {
        lock (_rotation)
        {
            if (_store.AddedTotal + pendingAdds - _addedAtGenerationStart <= _generationBudgetLeft)
            {
                return;
            }

            RotateLocked();
        }
    }

    /// <summary>Replaces the per-job gauges now, whatever they have seen; the soak test measures memory with the
    /// points of jobs long gone released, as every rotation releases them.</summary>
    internal void Rotate()
    {
        lock (_rotation)
        {
            RotateLocked();
        }
    }

    private void RotateLocked()
    {
        _scrapeGate.Wait();
        try
        {
            _noScrapes.Wait();

            // Dispose first: a new instrument made while the old one lives would join the old stream.
            _perJob.Dispose();
            _perJob = new PerJobGauges(_meterFactory, _store, _time, _includeArns);
            StartGeneration();
            Generation++;
            _afterRotation?.Invoke();
        }
        finally
        {
            _scrapeGate.Release();
        }
    }

    public void Dispose()
    {
        _perJob.Dispose();
        _scrapeGate.Dispose();
        _noScrapes.Dispose();
    }

    internal static string StateName(ExportJobState state) => States[(int)state];

    private void StartGeneration()
    {
        _addedAtGenerationStart = _store.AddedTotal;
        _generationBudgetLeft = Math.Max(1, _jobsPerGeneration - _store.Current.Count);
    }
}
