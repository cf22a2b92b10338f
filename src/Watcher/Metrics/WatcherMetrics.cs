using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;
using Watcher.Configuration;
using Watcher.Coverage;
using Watcher.Jobs;
using Watcher.WorkMail.Model;

namespace Watcher.Metrics;

/// <summary>
/// Every OpenTelemetry instrument Watcher creates: the counters, the histogram and the process-level and
/// per-organization gauges. Names and units are chosen so that the Prometheus exporter produces exactly the
/// names in the metric reference. The per-job series are not instruments: <see cref="JobSeries"/> defines them
/// and <see cref="Exposition.JobSeriesWriter"/> writes them from the job snapshot.
/// </summary>
public sealed class WatcherMetrics
{
    public const string MeterName = "Watcher";

    internal static readonly double[] RequestDurationBuckets =
        [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 30];

    private readonly Counter<long> _stateTransitions;
    private readonly Counter<long> _apiRequests;
    private readonly Counter<long> _apiErrors;
    private readonly Counter<long> _apiRetries;
    private readonly Counter<long> _apiRetriesRefused;
    private readonly Histogram<double> _apiDuration;

    public WatcherMetrics(
        IMeterFactory meterFactory,
        ExportJobStore store,
        OrganizationStore organizations,
        IOptions<WatcherOptions> options,
        CoverageStore? coverage = null,
        ICompletionStore? completions = null)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        var maxWatchedJobs = options.Value.MaxWatchedJobs;

        var meter = meterFactory.Create(MeterName, BuildInfo.Version);
        meter.CreateObservableGauge("watcher.build_info", () => new Measurement<int>(1, new TagList { { "version", BuildInfo.Version }, { "revision", BuildInfo.Revision } }), description: "Watcher's build identity; always 1.");
        meter.CreateObservableGauge("watcher.watched_jobs", () => store.Current.Count, description: "Export jobs currently watched.");
        meter.CreateObservableGauge("watcher.watched_jobs_limit", () => maxWatchedJobs, description: "The most export jobs Watcher watches at once (Watcher:MaxWatchedJobs).");
        _ = new OrganizationGauges(meter, store, organizations);
        _ = new ProcessGauges(meter);
        _ = new CoverageGauges(meter, coverage ?? new CoverageStore(), organizations, completions ?? new NoCompletionStore());

        _stateTransitions = meter.CreateCounter<long>("workmail.export_job.state_transitions", description: "State changes of export jobs that Watcher observed.");
        _apiRequests = meter.CreateCounter<long>("workmail.api.requests", description: "WorkMail API calls Watcher made, one per call whatever the SDK retried inside it.");
        _apiErrors = meter.CreateCounter<long>("workmail.api.request_errors", description: "WorkMail API calls that failed in the end, by error code.");
        _apiRetries = meter.CreateCounter<long>("workmail.api.request_retries", description: "Retry attempts the AWS SDK made inside WorkMail API calls, by the error code that caused them.");
        _apiRetriesRefused = meter.CreateCounter<long>("workmail.api.request_retries_refused", description: "Retries the AWS SDK's retry quota refused: WorkMail API calls that failed at once with a retryable error and attempts left, by that error code.");
        _apiDuration = meter.CreateHistogram(
            "workmail.api.request_duration",
            unit: "s",
            description: "Latency of WorkMail API calls, retries included.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = RequestDurationBuckets });
    }

    public void StateTransition(string organizationId, ExportJobState from, ExportJobState to) =>
        _stateTransitions.Add(1, new TagList { { "organization_id", organizationId }, { "from_state", ExportJobStates.Name(from) }, { "to_state", ExportJobStates.Name(to) } });

    public void ApiRequest(string operation, string organizationId) =>
        _apiRequests.Add(1, new TagList { { "operation", operation }, { "organization_id", organizationId } });

    public void ApiError(string operation, string organizationId, string errorCode) =>
        _apiErrors.Add(1, new TagList { { "operation", operation }, { "organization_id", organizationId }, { "error_code", errorCode } });

    public void ApiRetry(string operation, string organizationId, string errorCode) =>
        _apiRetries.Add(1, new TagList { { "operation", operation }, { "organization_id", organizationId }, { "error_code", errorCode } });

    public void ApiRetryRefused(string operation, string organizationId, string errorCode) =>
        _apiRetriesRefused.Add(1, new TagList { { "operation", operation }, { "organization_id", organizationId }, { "error_code", errorCode } });

    public void ApiDuration(string operation, TimeSpan elapsed) =>
        _apiDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("operation", operation));
}
