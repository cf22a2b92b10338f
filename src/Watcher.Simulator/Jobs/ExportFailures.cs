namespace Watcher.Simulator.Jobs;

/// <summary>ErrorInfo texts modelled on what failed WorkMail exports report, so dashboards show plausible reasons.</summary>
internal static class ExportFailures
{
    public static string Pick(Random random, string roleArn, string kmsKeyArn, string bucket, string prefix) =>
        random.Next(5) switch
        {
            0 => $"Access Denied: the role {roleArn} is not allowed to call s3:PutObject on {bucket}/{prefix}.",
            1 => $"The KMS key {kmsKeyArn} is disabled; the export could not encrypt its output.",
            2 => $"The S3 bucket {bucket} does not exist or is not in the organization's region.",
            3 => $"WorkMail could not assume the role {roleArn}: check its trust policy for export.workmail.amazonaws.com.",
            _ => "The mailbox was deleted while the export was running.",
        };
}
