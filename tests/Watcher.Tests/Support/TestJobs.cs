using Watcher.WorkMail.Model;

namespace Watcher.Tests.Support;

internal static class TestJobs
{
    public const string Org = "m-0123456789abcdef0123456789abcdef";

    public static readonly DateTimeOffset Start = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);

    public static ExportJobDetails Running(string jobId, int progress, string organizationId = Org) => new(
        organizationId, jobId, "entity-" + jobId, "export " + jobId, "arn:aws:iam::111122223333:role/export", "arn:aws:kms:us-east-1:111122223333:key/k",
        "bucket", "prefix/" + jobId, "s3://bucket/prefix/" + jobId + ".zip", progress, ExportJobState.Running, null, Start, null);

    public static ExportJobDetails Ended(string jobId, ExportJobState state, int progress, TimeSpan after, string? errorInfo = null, string organizationId = Org) =>
        Running(jobId, progress, organizationId) with { State = state, EndTime = Start + after, ErrorInfo = errorInfo };
}
