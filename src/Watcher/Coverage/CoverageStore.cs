using System.Collections.Immutable;

namespace Watcher.Coverage;

/// <summary>The latest coverage scan of every organization, swapped in whole; scrapes and the status page read <see cref="Current"/> without locking.</summary>
public sealed class CoverageStore
{
    private ImmutableDictionary<string, CoverageScanState> _organizations = ImmutableDictionary<string, CoverageScanState>.Empty;

    public ImmutableDictionary<string, CoverageScanState> Current => Volatile.Read(ref _organizations);

    public void Succeeded(OrganizationCoverage coverage)
    {
        ArgumentNullException.ThrowIfNull(coverage);
        Update(coverage.OrganizationId, s => s with
        {
            Coverage = coverage,
            ScanAttempted = true,
            LastScanSucceeded = true,
            LastScanSuccessAt = coverage.ScannedAt,
            LastErrorCode = null,
        });
    }

    /// <summary>Keeps the last good snapshot and marks it stale.</summary>
    public void Failed(string organizationId, string errorCode) =>
        Update(organizationId, s => s with { ScanAttempted = true, LastScanSucceeded = false, LastErrorCode = errorCode });

    /// <summary>Forgets an organization no longer watched; its series vanish from the next scrape.</summary>
    public bool Remove(string organizationId) => ImmutableInterlocked.TryRemove(ref _organizations, organizationId, out _);

    private void Update(string organizationId, Func<CoverageScanState, CoverageScanState> update) =>
        ImmutableInterlocked.AddOrUpdate(ref _organizations, organizationId, id => update(new CoverageScanState(id)), (_, existing) => update(existing));
}
