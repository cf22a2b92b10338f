using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;
using Watcher.Configuration;
using Watcher.Jobs;
using Watcher.WorkMail.Model;

namespace Watcher.Metrics;

/// <summary>
/// Every instrument Watcher exports. Per-job gauges are observable and read the latest
/// <see cref="ExportJobStore"/> snapshot, so a scrape never calls AWS and a job that is no longer
/// watched has no series at all. Instrument names and units are chosen so that the Prometheus exporter
/// produces exactly the names in the README's metric reference.
/// </summary>
public sealed class WatcherMetrics
{
    public const string MeterName = "Watcher";

    /// <summary>The most jobs whose series fit in one metric stream before OTel overflows them.</summary>
    public const int MaxJobSeries = 10_000;

    internal static readonly string[] States = ["RUNNING", "COMPLETED", "FAILED", "CANCELLED"];

    internal static readonly double[] RequestDurationBuckets =
        [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 30];

    private const int MaxErrorInfoLength = 256;

    private readonly ExportJobStore _store;
    private readonly TimeProvider _time;
    private readonly bool _includeArns;
    private readonly Counter<long> _stateTransitions;
    private readonly Counter<long> _apiRequests;
    private readonly Counter<long> _apiErrors;
    private readonly Counter<long> _apiRetries;
    private readonly Histogram<double> _apiDuration;

    public WatcherMetrics(IMeterFactory meterFactory, ExportJobStore store, TimeProvider time, IOptions<WatcherOptions> options)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _time = time;
        _includeArns = options.Value.Metrics.IncludeArns;

        var meter = meterFactory.Create(MeterName, BuildInfo.Version);

        meter.CreateObservableGauge("workmail.export_job.state", ObserveState, description: "1 for the job's current state, 0 for the other three.");
        meter.CreateObservableGauge("workmail.export_job.progress_ratio", ObserveProgress, unit: "1", description: "EstimatedProgress of the job, from 0 to 1.");
        meter.CreateObservableGauge("workmail.export_job.start_timestamp", ObserveStart, unit: "s", description: "StartTime of the job, in Unix seconds.");
        meter.CreateObservableGauge("workmail.export_job.end_timestamp", ObserveEnd, unit: "s", description: "EndTime of the job, in Unix seconds, once it has ended.");
        meter.CreateObservableGauge("workmail.export_job.duration", ObserveDuration, unit: "s", description: "EndTime minus StartTime, or now minus StartTime while the job runs.");
        meter.CreateObservableGauge("workmail.export_job.progress_change_timestamp", ObserveProgressChange, unit: "s", description: "When Watcher last saw EstimatedProgress change, in Unix seconds.");
        meter.CreateObservableGauge("workmail.export_job.info", ObserveInfo, description: "Descriptive fields of the job; always 1.");
        meter.CreateObservableGauge("workmail.export_job.failure_info", ObserveFailure, description: "ErrorInfo of a FAILED job, cut to 256 characters; always 1.");
        meter.CreateObservableGauge("workmail.export_job.poll_success", ObservePollSuccess, description: "1 if the last describe of the job succeeded, else 0.");
        meter.CreateObservableGauge("workmail.export_job.last_poll_success_timestamp", ObserveLastPollSuccess, unit: "s", description: "When the last successful describe of the job finished, in Unix seconds.");
        meter.CreateObservableGauge("watcher.build_info", () => new Measurement<int>(1, new TagList { { "version", BuildInfo.Version }, { "revision", BuildInfo.Revision } }), description: "Watcher's build identity; always 1.");

        _stateTransitions = meter.CreateCounter<long>("workmail.export_job.state_transitions", description: "State changes of export jobs that Watcher observed.");
        _apiRequests = meter.CreateCounter<long>("workmail.api.requests", description: "WorkMail API calls Watcher made, one per call whatever the SDK retried inside it.");
        _apiErrors = meter.CreateCounter<long>("workmail.api.request_errors", description: "WorkMail API calls that failed in the end, by error code.");
        _apiRetries = meter.CreateCounter<long>("workmail.api.request_retries", description: "Retry attempts the AWS SDK made inside WorkMail API calls, by the error code that caused them.");
        _apiDuration = meter.CreateHistogram(
            "workmail.api.request_duration",
            unit: "s",
            description: "Latency of WorkMail API calls, retries included.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = RequestDurationBuckets });
    }

    /// <summary>The instruments with one or more series per watched job, whose cardinality limit must fit every job.</summary>
    internal static IReadOnlyList<(string Name, int SeriesPerJob)> PerJobInstruments { get; } =
    [
        ("workmail.export_job.state", States.Length),
        ("workmail.export_job.progress_ratio", 1),
        ("workmail.export_job.start_timestamp", 1),
        ("workmail.export_job.end_timestamp", 1),
        ("workmail.export_job.duration", 1),
        ("workmail.export_job.progress_change_timestamp", 1),
        ("workmail.export_job.info", 1),
        ("workmail.export_job.failure_info", 1),
        ("workmail.export_job.poll_success", 1),
        ("workmail.export_job.last_poll_success_timestamp", 1),
    ];

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

    internal static string StateName(ExportJobState state) => States[(int)state];

    private IEnumerable<Measurement<int>> ObserveState()
    {
        foreach (var job in _store.Current.Values)
        {
            if (job.Details is { } details)
            {
                for (var i = 0; i < States.Length; i++)
                {
                    yield return new Measurement<int>((int)details.State == i ? 1 : 0, JobTags(job.Key, "state", States[i]));
                }
            }
        }
    }

    private IEnumerable<Measurement<double>> ObserveProgress() =>
        Known(details => details.EstimatedProgress / 100.0);

    private IEnumerable<Measurement<double>> ObserveStart() =>
        Known(details => details.StartTime.ToUnixTimeMilliseconds() / 1000.0);

    private IEnumerable<Measurement<double>> ObserveEnd()
    {
        foreach (var job in _store.Current.Values)
        {
            if (job.Details is { EndTime: { } end, State: not ExportJobState.Running })
            {
                yield return new Measurement<double>(end.ToUnixTimeMilliseconds() / 1000.0, JobTags(job.Key));
            }
        }
    }

    private IEnumerable<Measurement<double>> ObserveDuration()
    {
        var now = _time.GetUtcNow();
        return Known(details =>
        {
            var end = details.State == ExportJobState.Running ? now : details.EndTime ?? now;
            return Math.Max(0, (end - details.StartTime).TotalSeconds);
        });
    }

    private IEnumerable<Measurement<double>> ObserveProgressChange()
    {
        foreach (var job in _store.Current.Values)
        {
            if (job.ProgressChangedAt is { } changed)
            {
                yield return new Measurement<double>(changed.ToUnixTimeMilliseconds() / 1000.0, JobTags(job.Key));
            }
        }
    }

    private IEnumerable<Measurement<int>> ObserveInfo()
    {
        foreach (var job in _store.Current.Values)
        {
            if (job.Details is not { } details)
            {
                continue;
            }

            var tags = JobTags(job.Key);
            tags.Add("entity_id", details.EntityId ?? string.Empty);
            tags.Add("description", details.Description ?? string.Empty);
            tags.Add("s3_bucket_name", details.S3BucketName ?? string.Empty);
            tags.Add("s3_prefix", details.S3Prefix ?? string.Empty);
            tags.Add("s3_path", details.S3Path ?? string.Empty);
            if (_includeArns)
            {
                tags.Add("role_arn", details.RoleArn ?? string.Empty);
                tags.Add("kms_key_arn", details.KmsKeyArn ?? string.Empty);
            }

            yield return new Measurement<int>(1, tags);
        }
    }

    private IEnumerable<Measurement<int>> ObserveFailure()
    {
        foreach (var job in _store.Current.Values)
        {
            if (job.Details is { State: ExportJobState.Failed } details)
            {
                var errorInfo = details.ErrorInfo ?? string.Empty;
                if (errorInfo.Length > MaxErrorInfoLength)
                {
                    errorInfo = errorInfo[..MaxErrorInfoLength];
                }

                yield return new Measurement<int>(1, JobTags(job.Key, "error_info", errorInfo));
            }
        }
    }

    private IEnumerable<Measurement<int>> ObservePollSuccess()
    {
        foreach (var job in _store.Current.Values)
        {
            if (job.PollAttempted)
            {
                yield return new Measurement<int>(job.LastPollSucceeded ? 1 : 0, JobTags(job.Key));
            }
        }
    }

    private IEnumerable<Measurement<double>> ObserveLastPollSuccess()
    {
        foreach (var job in _store.Current.Values)
        {
            if (job.LastPollSuccessAt is { } at)
            {
                yield return new Measurement<double>(at.ToUnixTimeMilliseconds() / 1000.0, JobTags(job.Key));
            }
        }
    }

    private IEnumerable<Measurement<double>> Known(Func<ExportJobDetails, double> value)
    {
        foreach (var job in _store.Current.Values)
        {
            if (job.Details is { } details)
            {
                yield return new Measurement<double>(value(details), JobTags(job.Key));
            }
        }
    }

    private static TagList JobTags(WatchedJobKey key) => new()
    {
        { "organization_id", key.OrganizationId },
        { "job_id", key.JobId },
    };

    private static TagList JobTags(WatchedJobKey key, string name, string value) => new()
    {
        { "organization_id", key.OrganizationId },
        { "job_id", key.JobId },
        { name, value },
    };
}
