namespace Watcher.Coverage;

/// <summary>
/// An organization's coverage scans: the last good snapshot (kept after a failed scan, since it is still the best
/// knowledge) and whether the last scan succeeded, so that a stale snapshot never looks fresh.
/// </summary>
public sealed record CoverageScanState(string OrganizationId)
{
    public OrganizationCoverage? Coverage { get; init; }

    public bool ScanAttempted { get; init; }

    public bool LastScanSucceeded { get; init; }

    public DateTimeOffset? LastScanSuccessAt { get; init; }

    public string? LastErrorCode { get; init; }
}
