using System.Collections.Concurrent;
using Watcher.WorkMail;
using Watcher.WorkMail.Model;

namespace Watcher.Tests.Support;

/// <summary>An in-memory WorkMail whose answers the test sets per job.</summary>
internal sealed class ScriptedWorkMail : IWorkMailExportJobs, IWorkMailClients
{
    private readonly ConcurrentDictionary<(string, string), Func<ExportJobDetails>> _answers = new();
    private readonly ConcurrentDictionary<(string, string), int> _calls = new();

    public IWorkMailExportJobs OwnRegion => this;

    public IWorkMailExportJobs ForOrganization(string? region, string? roleArn, string? externalId) => this;

    public void Answer(ExportJobDetails details) => _answers[(details.OrganizationId, details.JobId)] = () => details;

    public void Fail(string organizationId, string jobId, string errorCode) =>
        _answers[(organizationId, jobId)] = () => throw new WorkMailException(errorCode, $"{errorCode} for {jobId}");

    public void Throw(string organizationId, string jobId, Exception exception) =>
        _answers[(organizationId, jobId)] = () => throw exception;

    public int Calls(string organizationId, string jobId) => _calls.GetValueOrDefault((organizationId, jobId));

    public int TotalCalls => _calls.Values.Sum();

    public Task<ExportJobDetails> DescribeExportJobAsync(string organizationId, string jobId, CancellationToken cancellationToken)
    {
        _calls.AddOrUpdate((organizationId, jobId), 1, (_, n) => n + 1);
        return _answers.TryGetValue((organizationId, jobId), out var answer)
            ? Task.FromResult(answer())
            : throw new WorkMailException("EntityNotFoundException", $"The job {jobId} does not exist.", 400);
    }

    public Task<ExportJobPage> ListExportJobsAsync(string organizationId, string? nextToken, int maxResults, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The core poller does not list.");
}
