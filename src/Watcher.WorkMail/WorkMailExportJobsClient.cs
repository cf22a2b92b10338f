using Watcher.WorkMail.Adapter;
using Watcher.WorkMail.Client;
using Watcher.WorkMail.Client.Model;
using Watcher.WorkMail.Model;
using Watcher.WorkMail.Roles;

namespace Watcher.WorkMail;

/// <summary>
/// <see cref="IWorkMailExportJobs"/> and <see cref="IWorkMailDirectory"/> over the hand-written SDK client. Every failure
/// leaves as a <see cref="WorkMailException"/>; only the caller's own cancellation leaves as an <see cref="OperationCanceledException"/>.
/// </summary>
/// <remarks>One object serves both views so that a role is assumed, and its keys refreshed, once per client.</remarks>
public sealed class WorkMailExportJobsClient : IWorkMailExportJobs, IWorkMailDirectory, IDisposable
{
    private readonly AmazonWorkMailClient _client;

    // Role credentials own an STS client; static keys and the default chain own nothing.
    private readonly IDisposable? _ownedCredentials;

    public WorkMailExportJobsClient(WorkMailClientSettings settings)
    {
        var credentials = AmazonWorkMailClientFactory.CreateCredentials(settings);
        _ownedCredentials = credentials as AssumeRoleCredentials;
        try
        {
            _client = AmazonWorkMailClientFactory.Create(settings, credentials);
        }
        catch
        {
            _ownedCredentials?.Dispose();
            throw;
        }
    }

    public async Task<ExportJobDetails> DescribeExportJobAsync(string organizationId, string jobId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(organizationId);
        ArgumentException.ThrowIfNullOrEmpty(jobId);
        var request = new DescribeMailboxExportJobRequest { OrganizationId = organizationId, JobId = jobId };
        var response = await CallAsync(
            WorkMailOperations.DescribeMailboxExportJob,
            () => _client.DescribeMailboxExportJobAsync(request, cancellationToken),
            cancellationToken).ConfigureAwait(false);
        return ExportJobMapper.ToDetails(organizationId, jobId, response);
    }

    public async Task<ExportJobPage> ListExportJobsAsync(string organizationId, string? nextToken, int maxResults, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(organizationId);
        CheckPageSize(maxResults);
        var request = new ListMailboxExportJobsRequest
        {
            OrganizationId = organizationId,
            NextToken = string.IsNullOrEmpty(nextToken) ? null : nextToken,
            MaxResults = maxResults,
        };
        var response = await CallAsync(
            WorkMailOperations.ListMailboxExportJobs,
            () => _client.ListMailboxExportJobsAsync(request, cancellationToken),
            cancellationToken).ConfigureAwait(false);
        return ExportJobMapper.ToPage(response);
    }

    public async Task<UserPage> ListUsersAsync(string organizationId, string? nextToken, int maxResults, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(organizationId);
        CheckPageSize(maxResults);
        var request = new ListUsersRequest
        {
            OrganizationId = organizationId,
            NextToken = string.IsNullOrEmpty(nextToken) ? null : nextToken,
            MaxResults = maxResults,
        };
        var response = await CallAsync(
            WorkMailOperations.ListUsers,
            () => _client.ListUsersAsync(request, cancellationToken),
            cancellationToken).ConfigureAwait(false);
        return DirectoryMapper.ToPage(response);
    }

    public async Task<ResourcePage> ListResourcesAsync(string organizationId, string? nextToken, int maxResults, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(organizationId);
        CheckPageSize(maxResults);
        var request = new ListResourcesRequest
        {
            OrganizationId = organizationId,
            NextToken = string.IsNullOrEmpty(nextToken) ? null : nextToken,
            MaxResults = maxResults,
        };
        var response = await CallAsync(
            WorkMailOperations.ListResources,
            () => _client.ListResourcesAsync(request, cancellationToken),
            cancellationToken).ConfigureAwait(false);
        return DirectoryMapper.ToPage(response);
    }

    public void Dispose()
    {
        _client.Dispose();
        _ownedCredentials?.Dispose();
    }

    // The model's MaxResults: 1..100 for every list operation Watcher calls.
    private static void CheckPageSize(int maxResults)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxResults, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxResults, 100);
    }

    private static async Task<T> CallAsync<T>(string operation, Func<Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception) when (exception is not WorkMailException)
        {
            throw WorkMailExceptionMapper.Map(operation, exception);
        }
    }
}
