namespace Watcher.Configuration;

/// <summary>The <c>Watcher:Coverage</c> section: remembering completed exports beyond the 7 days the listing shows.</summary>
public sealed class CoverageOptions
{
    /// <summary>Records every COMPLETED export Watcher sees. Off: nothing is recorded or stored.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often coverage is worked out, and the least time between attempts to reopen a failed store.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The SQLite file that keeps completions across restarts. Empty: they are kept in memory only.</summary>
    public string? StorePath { get; set; }

    /// <summary>A completion older than this does not count as covered; null counts one of any age.</summary>
    public TimeSpan? MaxAge { get; set; }
}
