using Watcher.WorkMail.Model;

namespace Watcher.WorkMail;

/// <summary>
/// The narrow view of WorkMail that Watcher depends on. It speaks only in Watcher's own immutable
/// records and <see cref="WorkMailException"/>, so that moving to AWSSDK.WorkMail means one new adapter.
/// </summary>
public interface IWorkMailExportJobs
{
    /// <summary>Calls DescribeMailboxExportJob.</summary>
    /// <exception cref="WorkMailException">The call failed after the SDK's retries, or its response was unusable.</exception>
    Task<ExportJobDetails> DescribeExportJobAsync(string organizationId, string jobId, CancellationToken cancellationToken);

    /// <summary>Calls ListMailboxExportJobs for one page.</summary>
    /// <exception cref="WorkMailException">The call failed after the SDK's retries, or its response was unusable.</exception>
    Task<ExportJobPage> ListExportJobsAsync(string organizationId, string? nextToken, int maxResults, CancellationToken cancellationToken);
}
