using Watcher.Jobs;
using Watcher.WorkMail.Model;

namespace Watcher.Metrics.Exposition;

/// <summary>
/// A job's label sets, encoded once for the snapshot they were read from and reused until that snapshot is
/// replaced; the parts that did not change are carried over from the previous rendering.
/// </summary>
internal sealed class RenderedJob
{
    private RenderedJob(ExportJobSnapshot source, byte[] job, byte[]? info, byte[]? failure)
    {
        Source = source;
        Job = job;
        Info = info;
        Failure = failure;
    }

    public ExportJobSnapshot Source { get; }

    /// <summary><c>job_id="…",organization_id="…"</c>.</summary>
    public byte[] Job { get; }

    /// <summary>The info labels; null before the first describe or listing.</summary>
    public byte[]? Info { get; }

    /// <summary>The failure labels; null unless the job is FAILED.</summary>
    public byte[]? Failure { get; }

    public ReadOnlySpan<byte> For(JobLabelShape shape) => shape switch
    {
        JobLabelShape.Info => Info,
        JobLabelShape.Failure => Failure,
        _ => Job,
    };

    public static RenderedJob Render(ExportJobSnapshot job, RenderedJob? previous, bool includeArns)
    {
        ArgumentNullException.ThrowIfNull(job);
        var details = job.Details;
        var before = previous?.Source.Details;

        var labels = previous?.Job ?? ExpositionText.Labels(JobSeries.JobLabels(job.Key));

        byte[]? info = null;
        if (details is not null)
        {
            info = previous?.Info is { } kept && JobSeries.SameInfo(before, details)
                ? kept
                : ExpositionText.Labels(JobSeries.InfoLabels(job.Key, details, includeArns));
        }

        byte[]? failure = null;
        if (details is { State: ExportJobState.Failed })
        {
            failure = previous?.Failure is { } kept && before?.ErrorInfo == details.ErrorInfo
                ? kept
                : ExpositionText.Labels(JobSeries.FailureLabels(job.Key, details));
        }

        return new RenderedJob(job, labels, info, failure);
    }
}
