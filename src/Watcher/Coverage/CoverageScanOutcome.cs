namespace Watcher.Coverage;

public enum CoverageScanOutcome
{
    Scanned,

    Failed,

    /// <summary>The organization has not been listed successfully yet; scan again shortly.</summary>
    TooEarly,

    /// <summary>The organization is no longer watched; stop scanning it.</summary>
    NotWatched,
}
