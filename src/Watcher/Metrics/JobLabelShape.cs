namespace Watcher.Metrics;

/// <summary>Which label set a per-job family carries, besides its own variant label.</summary>
public enum JobLabelShape
{
    /// <summary>organization_id and job_id.</summary>
    Job,

    /// <summary>The job's labels and its descriptive fields (see <see cref="JobSeries.InfoLabels"/>).</summary>
    Info,

    /// <summary>The job's labels and error_info.</summary>
    Failure,
}
