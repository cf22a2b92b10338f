using Watcher.Jobs;
using Watcher.WorkMail.Model;

namespace Watcher.Metrics.Exposition;

/// <summary>
/// A job's label sets and sample values, encoded once for the snapshot they were read from and reused until that
/// snapshot is replaced; label sets that did not change are carried over from the previous rendering. A value that
/// depends on the time of the scrape (a running job's duration) is left out and formatted at scrape time.
/// </summary>
internal sealed class RenderedJob
{
    /// <summary>Samples one job can have, over every family and variant.</summary>
    public static readonly int SampleCount = JobSeries.Families.Sum(f => f.VariantCount);

    private static readonly ushort[] NoValues = new ushort[SampleCount];

    private readonly byte[] _values;
    private readonly ushort[] _ends;

    private RenderedJob(ExportJobSnapshot source, byte[] job, byte[]? info, byte[]? failure, byte[] values, ushort[] ends)
    {
        Source = source;
        Job = job;
        Info = info;
        Failure = failure;
        _values = values;
        _ends = ends;
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

    /// <summary>The formatted value of sample <paramref name="sample"/> (family and variant, in table order); empty when absent or live.</summary>
    public ReadOnlySpan<byte> Value(int sample)
    {
        var start = sample == 0 ? 0 : _ends[sample - 1];
        return _values.AsSpan(start, _ends[sample] - start);
    }

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

        var (values, ends) = RenderValues(job);
        return new RenderedJob(job, labels, info, failure, values, ends);
    }

    private static (byte[] Values, ushort[] Ends) RenderValues(ExportJobSnapshot job)
    {
        Span<byte> buffer = stackalloc byte[SampleCount * ExpositionText.MaxValueLength];
        var ends = new ushort[SampleCount];
        var length = 0;
        var sample = 0;
        foreach (var family in JobSeries.Families)
        {
            var live = family.DependsOnTime?.Invoke(job) == true;
            for (var variant = 0; variant < family.VariantCount; variant++, sample++)
            {
                if (!live && family.Value(job, default, variant) is { } value)
                {
                    length += ExpositionText.WriteValue(value, buffer[length..]);
                }

                ends[sample] = (ushort)length;
            }
        }

        return length == 0 ? ([], NoValues) : (buffer[..length].ToArray(), ends);
    }
}
