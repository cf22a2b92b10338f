using Watcher.Clients;
using Watcher.Configuration;
using Watcher.Jobs;
using Watcher.WorkMail;

namespace Watcher.Coverage;

/// <summary>
/// Scans one organization: pages ListUsers and ListResources through its directory (the same metered client, call
/// slots and request budget as its polls), joins the remembered completions and the watched jobs, and swaps the
/// result into the <see cref="CoverageStore"/>. A failed scan keeps the last good snapshot, marked stale; its calls
/// are counted with every other WorkMail call in <c>workmail_api_request_errors_total</c>.
/// </summary>
public sealed partial class CoverageScanner(
    OrganizationStore organizations,
    ExportJobStore jobs,
    ICompletionStore completions,
    CoverageStore coverage,
    IWorkMailClients clients,
    LastGoodWatcherOptions options,
    TimeProvider time,
    ILogger<CoverageScanner> logger)
{
    public async Task<CoverageScanOutcome> ScanAsync(string organizationId, CancellationToken cancellationToken)
    {
        if (!organizations.TryGet(organizationId, out var organization))
        {
            coverage.Remove(organizationId);
            return CoverageScanOutcome.NotWatched;
        }

        // The first successful listing's completions and failures make the first scan right: a scan after a failed
        // (say, throttled) listing would publish an organization with nothing exported, for a whole interval.
        if (organization.LastPollSuccessAt is null)
        {
            return CoverageScanOutcome.TooEarly;
        }

        var directory = clients.DirectoryForOrganization(organization.Region, organization.RoleArn, organization.ExternalId);
        try
        {
            var users = await WorkMailDirectoryPaging.ListAllUsersAsync(directory, organizationId, cancellationToken);
            var resources = await WorkMailDirectoryPaging.ListAllResourcesAsync(directory, organizationId, cancellationToken);
            var remembered = await completions.LoadAsync(cancellationToken);
            var built = CoverageCalculator.Build(
                organizationId, users, resources, remembered, jobs.Current.Values, time.GetUtcNow(), options.Current.Coverage.MaxAge);

            // Unwatched while the scan was in flight: publishing would bring back series that have gone.
            if (!organizations.TryGet(organizationId, out _))
            {
                coverage.Remove(organizationId);
                return CoverageScanOutcome.NotWatched;
            }

            coverage.Succeeded(built);
            Log.Scanned(logger, organizationId, built.Mailboxes.Length, built.Exported, built.CompletionsPerDay);
            return CoverageScanOutcome.Scanned;
        }
        catch (WorkMailException ex)
        {
            Fail(organizationId, ex.ErrorCode, ex.Message);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Fail(organizationId, WorkMailErrorCodes.Unknown, ex.Message);
        }

        return CoverageScanOutcome.Failed;
    }

    private void Fail(string organizationId, string errorCode, string message)
    {
        coverage.Failed(organizationId, errorCode);
        Log.ScanFailed(logger, organizationId, errorCode, message);
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Coverage of {OrganizationId}: {Exported} of {Mailboxes} mailboxes exported, {PerDay:0.##} a day over the last 7 days")]
        public static partial void Scanned(ILogger logger, string organizationId, int mailboxes, int exported, double perDay);

        [LoggerMessage(2, LogLevel.Warning, "Scanning the directory of {OrganizationId} for coverage failed with {ErrorCode}; keeping the last scan: {ErrorMessage}")]
        public static partial void ScanFailed(ILogger logger, string organizationId, string errorCode, string errorMessage);
    }
}
