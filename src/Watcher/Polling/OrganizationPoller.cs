using Watcher.Clients;
using Watcher.Configuration;
using Watcher.Jobs;
using Watcher.WorkMail;
using Watcher.WorkMail.Model;

namespace Watcher.Polling;

/// <summary>
/// Lists every export job of one organization and describes what the listing cannot answer: a new job once
/// (S3Prefix, ARNs), a job that has just turned FAILED (ErrorInfo), and a job that is still running but has left
/// the listing. <see cref="WatchedJobs"/> decides which those are. At steady state an organization of N jobs
/// therefore costs ceil(N/100) calls per cycle.
/// </summary>
public sealed partial class OrganizationPoller(
    WatchedJobs watched,
    ExportJobPoller jobPoller,
    IWorkMailClients clients,
    LastGoodWatcherOptions options,
    TimeProvider time,
    ILogger<OrganizationPoller> logger)
{
    public const int PageSize = 100;

    // The client's concurrency bound paces the describes; this only keeps that many calls in flight.
    private const int DescribesInFlight = 16;

    public async Task<PollOutcome> PollAsync(string organizationId, CancellationToken cancellationToken)
    {
        if (!watched.TryGetOrganization(organizationId, out var organization))
        {
            return PollOutcome.NotWatched;
        }

        var started = time.GetUtcNow();
        if (!PollBackoff.IsDue(organization.RetryAt, started, options.Current.PollInterval))
        {
            return PollOutcome.Continue;
        }

        var client = clients.ForOrganization(organization.Region, organization.RoleArn, organization.ExternalId);
        List<ExportJobSummary> listed;
        try
        {
            listed = await ListAllAsync(client, organizationId, cancellationToken);
        }
        catch (WorkMailException ex)
        {
            watched.ListingFailed(organizationId, ex.ErrorCode, ex.Message, started);
            return PollOutcome.Continue;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            watched.ListingFailed(organizationId, WorkMailErrorCodes.Unknown, ex.Message, started);
            return PollOutcome.Continue;
        }

        var listedAt = time.GetUtcNow();
        var plan = watched.Listed(organizationId, listed, listedAt);
        await Parallel.ForEachAsync(
            plan.OwedDescribes.Select(key => (key, listed: true)).Concat(plan.Unlisted.Select(key => (key, listed: false))),
            new ParallelOptions { MaxDegreeOfParallelism = DescribesInFlight, CancellationToken = cancellationToken },
            async (item, ct) =>
            {
                if (item.listed)
                {
                    await DescribeListedAsync(client, item.key, ct);
                }
                else
                {
                    await jobPoller.PollAsync(client, item.key, ct);
                }
            });

        watched.ListingSucceeded(organizationId, plan, listedAt);
        return PollOutcome.Continue;
    }

    private static async Task<List<ExportJobSummary>> ListAllAsync(IWorkMailExportJobs client, string organizationId, CancellationToken cancellationToken)
    {
        var jobs = new List<ExportJobSummary>();
        string? token = null;
        do
        {
            var page = await client.ListExportJobsAsync(organizationId, token, PageSize, cancellationToken);
            jobs.AddRange(page.Jobs);
            token = page.NextToken;
        }
        while (!string.IsNullOrEmpty(token));

        return jobs;
    }

    /// <summary>
    /// Describes a job the listing just refreshed. A failure leaves the describe owed for the next cycle but
    /// does not mark the job stale: the listing's values are fresh.
    /// </summary>
    private async Task DescribeListedAsync(IWorkMailExportJobs client, WatchedJobKey key, CancellationToken cancellationToken)
    {
        ExportJobDetails details;
        try
        {
            details = await client.DescribeExportJobAsync(key.OrganizationId, key.JobId, cancellationToken);
        }
        catch (WorkMailException ex)
        {
            Log.DescribeOwed(logger, key.JobId, key.OrganizationId, ex.ErrorCode);
            return;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.DescribeOwed(logger, key.JobId, key.OrganizationId, WorkMailErrorCodes.Unknown);
            return;
        }

        watched.Described(key, details, time.GetUtcNow());
    }

    private static partial class Log
    {
        [LoggerMessage(5, LogLevel.Debug, "Describing listed export job {JobId} in {OrganizationId} failed with {ErrorCode}; trying again next cycle")]
        public static partial void DescribeOwed(ILogger logger, string jobId, string organizationId, string errorCode);
    }
}
