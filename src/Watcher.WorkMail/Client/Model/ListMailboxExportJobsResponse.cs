using Amazon.Runtime;

namespace Watcher.WorkMail.Client.Model;

/// <summary>The output of ListMailboxExportJobs, as sent.</summary>
internal sealed class ListMailboxExportJobsResponse : AmazonWebServiceResponse
{
    public List<MailboxExportJob> Jobs { get; set; } = [];

    public string? NextToken { get; set; }
}
