namespace Watcher.Configuration;

/// <summary>The <c>Watcher</c> section of the configuration.</summary>
public sealed class WatcherOptions
{
    public const string SectionName = "Watcher";

    public AwsOptions Aws { get; set; } = new();

    /// <summary>The export jobs to watch, each named by its organization and job ID.</summary>
    public List<WatchedJobOptions> Jobs { get; set; } = [];

    /// <summary>Organizations whose export jobs are discovered with ListMailboxExportJobs.</summary>
    public List<OrganizationOptions> Organizations { get; set; } = [];

    /// <summary>How long a terminal discovered job keeps its series after the listing last showed it.</summary>
    public TimeSpan TerminalJobRetention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The most jobs watched at once; discovery keeps the newest beyond it.</summary>
    public int MaxWatchedJobs { get; set; } = 10_000;

    /// <summary>How often each running job is described and each organization listed.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The most WorkMail API calls in flight at once.</summary>
    public int MaxConcurrentCalls { get; set; } = 4;

    /// <summary>The longest wait between polls of a job or organization that WorkMail says does not exist.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long a shutdown waits for polls in flight, which are cancelled, to finish.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public MetricsOptions Metrics { get; set; } = new();

    public CoverageOptions Coverage { get; set; } = new();
}
