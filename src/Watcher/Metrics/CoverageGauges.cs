using System.Diagnostics.Metrics;
using Watcher.Coverage;
using Watcher.Jobs;

namespace Watcher.Metrics;

/// <summary>
/// The per-organization coverage gauges, read from the latest scan of each organization still watched. Organizations
/// are few and long-lived, so these are instruments (and go out over OTLP with the others); the per-mailbox series
/// are written from the snapshot by <see cref="Exposition.CoverageSeriesWriter"/>.
/// </summary>
internal sealed class CoverageGauges
{
    private readonly CoverageStore _coverage;
    private readonly OrganizationStore _organizations;

    public CoverageGauges(Meter meter, CoverageStore coverage, OrganizationStore organizations, ICompletionStore completions)
    {
        _coverage = coverage;
        _organizations = organizations;
        meter.CreateObservableGauge("workmail.organization.mailboxes", () => Each(c => c.Mailboxes.Length), description: "Mailboxes of the organization (users with role USER and resources, ENABLED or DISABLED), as of the last scan.");
        meter.CreateObservableGauge("workmail.organization.mailboxes_exported", () => Each(c => c.Exported), description: "Mailboxes with a completed export (within Watcher:Coverage:MaxAge when set), as of the last scan.");
        meter.CreateObservableGauge("workmail.organization.export_completions_per_day", () => Each(c => c.CompletionsPerDay), description: "Distinct mailboxes with a completed export in the 7 days before the last scan, divided by 7, as of the last scan.");
        meter.CreateObservableGauge("workmail.organization.coverage_scan_success", ObserveScanSuccess, description: "1 if the last coverage scan of the organization's directory succeeded, else 0.");
        meter.CreateObservableGauge("workmail.organization.last_coverage_scan_success_timestamp", ObserveLastScanSuccess, unit: "s", description: "When the last successful coverage scan of the organization finished, in Unix seconds.");
        meter.CreateObservableGauge("workmail.export_end_of_support_timestamp", () => WorkMailSupport.EndsAt.ToUnixTimeSeconds(), unit: "s", description: "When AWS ends WorkMail support (2027-03-31T00:00:00Z), in Unix seconds; a constant for alerts and dashboards.");
        meter.CreateObservableGauge("watcher.coverage_store_up", () => completions.Health.Status == CompletionStoreStatus.Ok ? 1 : 0, description: "1 if the coverage store keeps completed exports as configured, 0 if its file cannot be used and they are kept in memory only.");
    }

    private IEnumerable<Measurement<T>> Each<T>(Func<OrganizationCoverage, T> value)
        where T : struct
    {
        foreach (var state in Watched())
        {
            if (state.Coverage is { } coverage)
            {
                yield return new Measurement<T>(value(coverage), Tag(state.OrganizationId));
            }
        }
    }

    private IEnumerable<Measurement<int>> ObserveScanSuccess()
    {
        foreach (var state in Watched())
        {
            if (state.ScanAttempted)
            {
                yield return new Measurement<int>(state.LastScanSucceeded ? 1 : 0, Tag(state.OrganizationId));
            }
        }
    }

    private IEnumerable<Measurement<double>> ObserveLastScanSuccess()
    {
        foreach (var state in Watched())
        {
            if (state.LastScanSuccessAt is { } at)
            {
                yield return new Measurement<double>(at.ToUnixTimeMilliseconds() / 1000.0, Tag(state.OrganizationId));
            }
        }
    }

    private IEnumerable<CoverageScanState> Watched()
    {
        var organizations = _organizations.Current;
        return _coverage.Current.Values.Where(s => organizations.ContainsKey(s.OrganizationId));
    }

    private static KeyValuePair<string, object?> Tag(string organizationId) => new("organization_id", organizationId);
}
