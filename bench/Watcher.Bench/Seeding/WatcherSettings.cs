namespace Watcher.Bench.Seeding;

/// <summary>The parts of a Watcher configuration the harness varies.</summary>
internal sealed record WatcherSettings(Uri ServiceUrl, string Region)
{
    public string JobsOrganizationId { get; init; } = BenchOrganizations.Empty;

    public IReadOnlyList<string> Jobs { get; init; } = [];

    public IReadOnlyList<string> Organizations { get; init; } = [];

    public int MaxConcurrentCalls { get; init; } = 16;

    /// <summary>The validator's ceiling: high enough not to cap any measurement here.</summary>
    public double MaxRequestsPerSecond { get; init; } = 1000;

    public TimeSpan PollInterval { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Watcher:Coverage:Enabled; on by default, as in production.</summary>
    public bool CoverageEnabled { get; init; } = true;

    /// <summary>Watcher:Coverage:StorePath; none (completions in memory only) when null.</summary>
    public string? CoverageStorePath { get; init; }
}
