using Watcher.Jobs;
using Watcher.WorkMail.Model;

namespace Watcher.Metrics;

/// <summary>
/// The per-job metric contract, written once: every <c>workmail_export_job_*</c> family, read from a job's
/// immutable snapshot. The Prometheus writer reads this table; so would an OpenTelemetry reader of its own.
/// </summary>
public static class JobSeries
{
    public const int MaxErrorInfoLength = 256;

    private static readonly JobSeriesVariant StateVariant = new("state", ExportJobStates.All);

    public static IReadOnlyList<JobSeriesFamily> Families { get; } =
    [
        new("workmail.export_job.state", "workmail_export_job_state", null,
            "1 for the job's state as of the last successful poll, 0 for the other three.", JobLabelShape.Job, StateVariant,
            (job, _, state) => job.Details is { } d ? ((int)d.State == state ? 1 : 0) : null),
        new("workmail.export_job.progress_ratio", "workmail_export_job_progress_ratio", "1",
            "EstimatedProgress of the job, from 0 to 1, as of the last successful poll.", JobLabelShape.Job, null,
            (job, _, _) => job.Details is { } d ? d.EstimatedProgress / 100.0 : null),
        new("workmail.export_job.start_timestamp", "workmail_export_job_start_timestamp_seconds", "s",
            "StartTime of the job, in Unix seconds, as of the last successful poll.", JobLabelShape.Job, null,
            (job, _, _) => job.Details is { } d ? UnixSeconds(d.StartTime) : null),
        new("workmail.export_job.end_timestamp", "workmail_export_job_end_timestamp_seconds", "s",
            "EndTime of the job, in Unix seconds, once it has ended, as of the last successful poll.", JobLabelShape.Job, null,
            (job, _, _) => job.Details?.EndTime is { } end ? UnixSeconds(end) : null),
        new("workmail.export_job.duration", "workmail_export_job_duration_seconds", "s",
            "EndTime minus StartTime, or now minus StartTime while the job runs, with both times as of the last successful poll.", JobLabelShape.Job, null,
            (job, now, _) => job.Details is { } d ? Duration(d, now) : null,
            job => job.Details is { } d && (d.State == ExportJobState.Running || d.EndTime is null)),
        new("workmail.export_job.progress_change_timestamp", "workmail_export_job_progress_change_timestamp_seconds", "s",
            "When Watcher last saw EstimatedProgress change, in Unix seconds, as of the last successful poll.", JobLabelShape.Job, null,
            (job, _, _) => job.ProgressChangedAt is { } changed ? UnixSeconds(changed) : null),
        new("workmail.export_job.info", "workmail_export_job_info", null,
            "Descriptive fields of the job as of the last successful poll; always 1.", JobLabelShape.Info, null,
            (job, _, _) => job.Details is not null ? 1 : null),
        new("workmail.export_job.failure_info", "workmail_export_job_failure_info", null,
            "ErrorInfo of a FAILED job as of the last successful poll, cut to 256 characters; always 1.", JobLabelShape.Failure, null,
            (job, _, _) => job.Details is { State: ExportJobState.Failed } ? 1 : null),
        new("workmail.export_job.poll_success", "workmail_export_job_poll_success", null,
            "1 if the last poll of the job succeeded, else 0.", JobLabelShape.Job, null,
            (job, _, _) => job.PollAttempted ? (job.LastPollSucceeded ? 1 : 0) : null),
        new("workmail.export_job.last_poll_success_timestamp", "workmail_export_job_last_poll_success_timestamp_seconds", "s",
            "When the last successful poll of the job finished, in Unix seconds.", JobLabelShape.Job, null,
            (job, _, _) => job.LastPollSuccessAt is { } at ? UnixSeconds(at) : null),
    ];

    /// <summary>The job's own labels, in the order Prometheus writers sort them.</summary>
    public static KeyValuePair<string, string>[] JobLabels(WatchedJobKey key) =>
    [
        new("job_id", key.JobId),
        new("organization_id", key.OrganizationId),
    ];

    /// <summary>The labels of <c>workmail_export_job_info</c>, sorted by name; ARNs only when opted in.</summary>
    public static KeyValuePair<string, string>[] InfoLabels(WatchedJobKey key, ExportJobDetails details, bool includeArns)
    {
        ArgumentNullException.ThrowIfNull(details);
        List<KeyValuePair<string, string>> labels =
        [
            new("description", details.Description ?? string.Empty),
            new("entity_id", details.EntityId ?? string.Empty),
            new("job_id", key.JobId),
        ];
        if (includeArns)
        {
            labels.Add(new("kms_key_arn", details.KmsKeyArn ?? string.Empty));
        }

        labels.Add(new("organization_id", key.OrganizationId));
        if (includeArns)
        {
            labels.Add(new("role_arn", details.RoleArn ?? string.Empty));
        }

        labels.Add(new("s3_bucket_name", details.S3BucketName ?? string.Empty));
        labels.Add(new("s3_path", details.S3Path ?? string.Empty));
        labels.Add(new("s3_prefix", details.S3Prefix ?? string.Empty));
        return [.. labels];
    }

    /// <summary>The labels of <c>workmail_export_job_failure_info</c>, sorted by name.</summary>
    public static KeyValuePair<string, string>[] FailureLabels(WatchedJobKey key, ExportJobDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        return
        [
            new("error_info", ErrorInfo(details)),
            new("job_id", key.JobId),
            new("organization_id", key.OrganizationId),
        ];
    }

    /// <summary>True when the fields that make up the info labels are the same in both.</summary>
    public static bool SameInfo(ExportJobDetails? a, ExportJobDetails? b) =>
        ReferenceEquals(a, b)
        || (a is not null && b is not null
            && a.EntityId == b.EntityId && a.Description == b.Description && a.S3BucketName == b.S3BucketName
            && a.S3Prefix == b.S3Prefix && a.S3Path == b.S3Path && a.RoleArn == b.RoleArn && a.KmsKeyArn == b.KmsKeyArn);

    public static string ErrorInfo(ExportJobDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        var errorInfo = details.ErrorInfo ?? string.Empty;
        return errorInfo.Length > MaxErrorInfoLength ? errorInfo[..MaxErrorInfoLength] : errorInfo;
    }

    // Milliseconds, as OpenTelemetry exported them before: the wire carries fractions beyond what anyone charts.
    private static double UnixSeconds(DateTimeOffset at) => at.ToUnixTimeMilliseconds() / 1000.0;

    private static double Duration(ExportJobDetails details, DateTimeOffset now)
    {
        var end = details.State == ExportJobState.Running ? now : details.EndTime ?? now;
        return Math.Max(0, (end - details.StartTime).TotalSeconds);
    }
}
