namespace Watcher.Configuration;

/// <summary>The <c>Watcher</c> section of the configuration.</summary>
public sealed class WatcherOptions
{
    public const string SectionName = "Watcher";

    public AwsOptions Aws { get; set; } = new();

    /// <summary>The export jobs to watch, each named by its organization and job ID.</summary>
    public List<WatchedJobOptions> Jobs { get; set; } = [];

    /// <summary>How often each running job is described.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The most WorkMail API calls in flight at once.</summary>
    public int MaxConcurrentCalls { get; set; } = 4;

    public MetricsOptions Metrics { get; set; } = new();
}
