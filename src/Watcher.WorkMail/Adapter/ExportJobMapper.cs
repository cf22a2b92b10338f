using Watcher.WorkMail.Client.Model;
using Watcher.WorkMail.Model;

namespace Watcher.WorkMail.Adapter;

/// <summary>
/// Maps SDK-side responses to Watcher's records, enforcing what Watcher cannot do without: a known state, a start
/// time, a job id and a progress within 0..100. Violations are <see cref="WorkMailErrorCodes.MalformedResponse"/>.
/// </summary>
internal static class ExportJobMapper
{
    public static ExportJobDetails ToDetails(string organizationId, string jobId, DescribeMailboxExportJobResponse response)
    {
        const string Operation = WorkMailOperations.DescribeMailboxExportJob;
        return new ExportJobDetails(
            organizationId,
            jobId,
            response.EntityId,
            response.Description,
            response.RoleArn,
            response.KmsKeyArn,
            response.S3BucketName,
            response.S3Prefix,
            response.S3Path,
            Progress(Operation, "EstimatedProgress", response.EstimatedProgress),
            State(Operation, "State", response.State),
            response.ErrorInfo,
            response.StartTime ?? throw Malformed(Operation, "StartTime", "is missing"),
            response.EndTime);
    }

    public static ExportJobPage ToPage(ListMailboxExportJobsResponse response)
    {
        const string Operation = WorkMailOperations.ListMailboxExportJobs;
        var jobs = new List<ExportJobSummary>(response.Jobs.Count);
        for (var i = 0; i < response.Jobs.Count; i++)
        {
            var job = response.Jobs[i];
            var path = $"Jobs[{i}]";
            jobs.Add(new ExportJobSummary(
                string.IsNullOrEmpty(job.JobId) ? throw Malformed(Operation, path + ".JobId", "is missing") : job.JobId,
                job.EntityId,
                job.Description,
                job.S3BucketName,
                job.S3Path,
                Progress(Operation, path + ".EstimatedProgress", job.EstimatedProgress),
                State(Operation, path + ".State", job.State),
                job.StartTime ?? throw Malformed(Operation, path + ".StartTime", "is missing"),
                job.EndTime));
        }

        return new ExportJobPage(jobs, string.IsNullOrEmpty(response.NextToken) ? null : response.NextToken);
    }

    private static int Progress(string operation, string member, int? progress) => progress switch
    {
        null => 0,
        >= 0 and <= 100 => progress.Value,
        _ => throw Malformed(operation, member, "is outside 0..100"),
    };

    private static ExportJobState State(string operation, string member, string? state)
    {
        if (ExportJobStates.TryParse(state, out var parsed))
        {
            return parsed;
        }

        // The value is the service's, not a secret, but keep it short in case it is garbage.
        throw string.IsNullOrEmpty(state)
            ? Malformed(operation, member, "is missing")
            : Malformed(operation, member, $"has the unknown value '{Truncate(state)}'");
    }

    private static WorkMailException Malformed(string operation, string member, string problem) =>
        new(WorkMailErrorCodes.MalformedResponse, $"The {operation} response is malformed: member {member} {problem}.", statusCode: 200);

    private static string Truncate(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
