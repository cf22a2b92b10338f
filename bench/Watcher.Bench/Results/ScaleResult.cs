namespace Watcher.Bench.Results;

/// <summary>Everything measured at one number of watched jobs.</summary>
internal sealed class ScaleResult
{
    public required int Jobs { get; init; }

    public ScrapeResult? Scrape { get; set; }

    /// <summary>Jobs listed in Watcher:Jobs (one Quartz job each).</summary>
    public MemoryResult? MemoryExplicit { get; set; }

    /// <summary>The same number of jobs found by discovering one organization.</summary>
    public MemoryResult? MemoryDiscovery { get; set; }

    public EconomyResult? Economy { get; set; }
}
