using System.Diagnostics;
using System.Diagnostics.Metrics;
using Watcher.Jobs;
using Watcher.WorkMail.Model;

namespace Watcher.Metrics;

/// <summary>
/// The per-job gauges, on a meter of their own so that <see cref="WatcherMetrics"/> can replace them. They are
/// observable and read the latest <see cref="ExportJobStore"/> snapshot, so a scrape never calls AWS and a job
/// that is no longer watched has no series from the next scrape on.
/// </summary>
internal sealed class PerJobGauges : IDisposable
{
    private const int MaxErrorInfoLength = 256;

    private readonly Meter _meter;
    private readonly ExportJobStore _store;
    private readonly TimeProvider _time;
    private readonly bool _includeArns;

    public PerJobGauges(IMeterFactory scope, ExportJobStore store, TimeProvider time, bool includeArns)
    {
        // Not from the factory: it caches meters by name for its own lifetime, and these must be disposable.
        _meter = new Meter(new MeterOptions(WatcherMetrics.MeterName) { Version = BuildInfo.Version, Scope = scope });
        _store = store;
        _time = time;
        _includeArns = includeArns;

        _meter.CreateObservableGauge("workmail.export_job.state", ObserveState, description: "1 for the job's current state, 0 for the other three.");
        _meter.CreateObservableGauge("workmail.export_job.progress_ratio", ObserveProgress, unit: "1", description: "EstimatedProgress of the job, from 0 to 1.");
        _meter.CreateObservableGauge("workmail.export_job.start_timestamp", ObserveStart, unit: "s", description: "StartTime of the job, in Unix seconds.");
        _meter.CreateObservableGauge("workmail.export_job.end_timestamp", ObserveEnd, unit: "s", description: "EndTime of the job, in Unix seconds, once it has ended.");
        _meter.CreateObservableGauge("workmail.export_job.duration", ObserveDuration, unit: "s", description: "EndTime minus StartTime, or now minus StartTime while the job runs.");
        _meter.CreateObservableGauge("workmail.export_job.progress_change_timestamp", ObserveProgressChange, unit: "s", description: "When Watcher last saw EstimatedProgress change, in Unix seconds.");
        _meter.CreateObservableGauge("workmail.export_job.info", ObserveInfo, description: "Descriptive fields of the job; always 1.");
        _meter.CreateObservableGauge("workmail.export_job.failure_info", ObserveFailure, description: "ErrorInfo of a FAILED job, cut to 256 characters; always 1.");
        _meter.CreateObservableGauge("workmail.export_job.poll_success", ObservePollSuccess, description: "1 if the last poll of the job succeeded, else 0.");
        _meter.CreateObservableGauge("workmail.export_job.last_poll_success_timestamp", ObserveLastPollSuccess, unit: "s", description: "When the last successful poll of the job finished, in Unix seconds.");
    }

    /// <summary>
    /// The instruments, and how many distinct tag sets one job may use in each: four states; info and
    /// failure_info change once when a describe fills in what the listing lacks.
    /// </summary>
    public static IReadOnlyList<(string Name, int SeriesPerJob)> Instruments { get; } =
    [
        ("workmail.export_job.state", 4),
        ("workmail.export_job.progress_ratio", 1),
        ("workmail.export_job.start_timestamp", 1),
        ("workmail.export_job.end_timestamp", 1),
        ("workmail.export_job.duration", 1),
        ("workmail.export_job.progress_change_timestamp", 1),
        ("workmail.export_job.info", 2),
        ("workmail.export_job.failure_info", 2),
        ("workmail.export_job.poll_success", 1),
        ("workmail.export_job.last_poll_success_timestamp", 1),
    ];

    public void Dispose() => _meter.Dispose();

    private IEnumerable<Measurement<int>> ObserveState()
    {
        foreach (var job in _store.Current.Values)
        {
            if (job.Details is { } details)
            {
                for (var i = 0; i < WatcherMetrics.States.Length; i++)
                {
                    yield return new Measurement<int>((int)details.State == i ? 1 : 0, JobTags(job.Key, "state", WatcherMetrics.States[i]));
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
