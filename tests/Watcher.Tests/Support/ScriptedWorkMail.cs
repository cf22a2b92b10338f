using System.Collections.Concurrent;
using Watcher.Clients;
using Watcher.Testing.Waiting;
using Watcher.WorkMail;
using Watcher.WorkMail.Model;

namespace Watcher.Tests.Support;

/// <summary>An in-memory WorkMail whose answers the test sets per job.</summary>
internal sealed class ScriptedWorkMail : IWorkMailExportJobs, IWorkMailDirectory, IWorkMailClients
{
    private readonly ConcurrentDictionary<(string, string), Func<ExportJobDetails>> _answers = new();
    private readonly ConcurrentDictionary<(string, string), int> _calls = new();
    private readonly ConcurrentDictionary<string, int> _listCalls = new();
    private readonly ConcurrentDictionary<string, ExportJobDetails[]> _listings = new();
    private readonly ConcurrentDictionary<string, string> _listingErrors = new();
    private readonly ConcurrentDictionary<string, DirectoryUser[]> _users = new();
    private readonly ConcurrentDictionary<string, DirectoryResource[]> _resources = new();
    private readonly ConcurrentDictionary<string, string> _directoryErrors = new();
    private readonly ConcurrentDictionary<string, int> _directoryCalls = new();

    public IWorkMailExportJobs OwnRegion => this;

    /// <summary>Pulsed after every call, so a test can wait for the next one.</summary>
    public Signal Called { get; } = new();

    public IWorkMailExportJobs ForOrganization(string? region, string? roleArn, string? externalId) => this;

    /// <summary>Every organization's directory is empty until a test needs otherwise.</summary>
    public IWorkMailDirectory DirectoryForOrganization(string? region, string? roleArn, string? externalId) => this;

    public void Answer(ExportJobDetails details) => _answers[(details.OrganizationId, details.JobId)] = () => details;

    public void Fail(string organizationId, string jobId, string errorCode) =>
        _answers[(organizationId, jobId)] = () => throw new WorkMailException(errorCode, $"{errorCode} for {jobId}");

    public void Throw(string organizationId, string jobId, Exception exception) =>
        _answers[(organizationId, jobId)] = () => throw exception;

    public int Calls(string organizationId, string jobId) => _calls.GetValueOrDefault((organizationId, jobId));

    public int TotalCalls => _calls.Values.Sum();

    public int ListCalls(string organizationId) => _listCalls.GetValueOrDefault(organizationId);

    /// <summary>What ListMailboxExportJobs returns for an organization, newest first; Describe answers for each too.</summary>
    public void List(string organizationId, params ExportJobDetails[] jobs)
    {
        _listings[organizationId] = [.. jobs.OrderByDescending(j => j.StartTime)];
        foreach (var job in jobs)
        {
            Answer(job);
        }
    }

    public void FailListing(string organizationId, string errorCode) => _listingErrors[organizationId] = errorCode;

    public void RestoreListing(string organizationId) => _listingErrors.TryRemove(organizationId, out _);

    public void ResetCounts()
    {
        _calls.Clear();
        _listCalls.Clear();
    }

    public Task<ExportJobDetails> DescribeExportJobAsync(string organizationId, string jobId, CancellationToken cancellationToken)
    {
        _calls.AddOrUpdate((organizationId, jobId), 1, (_, n) => n + 1);
        Called.Pulse();
        return _answers.TryGetValue((organizationId, jobId), out var answer)
            ? Task.FromResult(answer())
            : throw new WorkMailException("EntityNotFoundException", $"The job {jobId} does not exist.", 400);
    }

    public Task<ExportJobPage> ListExportJobsAsync(string organizationId, string? nextToken, int maxResults, CancellationToken cancellationToken)
    {
        _listCalls.AddOrUpdate(organizationId, 1, (_, n) => n + 1);
        Called.Pulse();
        if (_listingErrors.TryGetValue(organizationId, out var errorCode))
        {
            throw new WorkMailException(errorCode, $"{errorCode} listing {organizationId}");
        }

        var jobs = _listings.GetValueOrDefault(organizationId) ?? [];
        var start = nextToken is null ? 0 : int.Parse(nextToken, System.Globalization.CultureInfo.InvariantCulture);
        var page = jobs.Skip(start).Take(maxResults)
            .Select(j => new ExportJobSummary(j.JobId, j.EntityId, j.Description, j.S3BucketName, j.S3Path, j.EstimatedProgress, j.State, j.StartTime, j.EndTime))
            .ToList();
        var next = start + maxResults < jobs.Length ? (start + maxResults).ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
        return Task.FromResult(new ExportJobPage(page, next));
    }

    /// <summary>What ListUsers and ListResources return for an organization, in pages of the size asked for.</summary>
    public void Directory(string organizationId, IEnumerable<DirectoryUser> users, IEnumerable<DirectoryResource> resources)
    {
        _users[organizationId] = [.. users];
        _resources[organizationId] = [.. resources];
    }

    public void FailDirectory(string organizationId, string errorCode) => _directoryErrors[organizationId] = errorCode;

    public void RestoreDirectory(string organizationId) => _directoryErrors.TryRemove(organizationId, out _);

    public int DirectoryCalls(string organizationId) => _directoryCalls.GetValueOrDefault(organizationId);

    public Task<UserPage> ListUsersAsync(string organizationId, string? nextToken, int maxResults, CancellationToken cancellationToken)
    {
        var (page, next) = Page(organizationId, _users, nextToken, maxResults);
        return Task.FromResult(new UserPage(page, next));
    }

    public Task<ResourcePage> ListResourcesAsync(string organizationId, string? nextToken, int maxResults, CancellationToken cancellationToken)
    {
        var (page, next) = Page(organizationId, _resources, nextToken, maxResults);
        return Task.FromResult(new ResourcePage(page, next));
    }

    private (T[] Page, string? Next) Page<T>(string organizationId, ConcurrentDictionary<string, T[]> all, string? nextToken, int maxResults)
    {
        _directoryCalls.AddOrUpdate(organizationId, 1, (_, n) => n + 1);
        Called.Pulse();
        if (_directoryErrors.TryGetValue(organizationId, out var errorCode))
        {
            throw new WorkMailException(errorCode, $"{errorCode} listing the directory of {organizationId}");
        }

        var entries = all.GetValueOrDefault(organizationId) ?? [];
        var from = nextToken is null ? 0 : int.Parse(nextToken, System.Globalization.CultureInfo.InvariantCulture);
        var page = entries.Skip(from).Take(maxResults).ToArray();
        var next = from + page.Length < entries.Length ? (from + page.Length).ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
        return (page, next);
    }
}
