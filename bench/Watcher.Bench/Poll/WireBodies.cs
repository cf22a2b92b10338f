using System.Globalization;
using System.Text;

namespace Watcher.Bench.Poll;

/// <summary>Response bodies shaped like the simulator's (and WorkMail's) answers.</summary>
internal static class WireBodies
{
    public const string OrganizationId = "m-0123456789abcdef0123456789abcdef";
    public const string JobId = "5b0e7c3a-1f2d-4e6a-9b8c-7d6e5f4a3b21";

    public static byte[] Describe() => Encoding.UTF8.GetBytes(
        """
        {"EntityId":"3f2a9c1e-7b4d-4e8a-9c5f-1d2e3f4a5b6c","Description":"bench export 42","RoleArn":"arn:aws:iam::111122223333:role/WorkMailMailboxExportRole","KmsKeyArn":"arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab","S3BucketName":"workmail-exports-111122223333","S3Prefix":"mailbox-exports","S3Path":"mailbox-exports/5b0e7c3a-1f2d-4e6a-9b8c-7d6e5f4a3b21.zip","EstimatedProgress":42,"State":"RUNNING","StartTime":1732789012.345}
        """);

    /// <summary>A full page of 100 jobs with a NextToken, as ListMailboxExportJobs pages a large organization.</summary>
    public static byte[] ListPage()
    {
        var body = new StringBuilder("{\"Jobs\":[");
        for (var i = 0; i < 100; i++)
        {
            if (i > 0)
            {
                body.Append(',');
            }

            body.Append(CultureInfo.InvariantCulture,
                $$"""{"JobId":"5b0e7c3a-1f2d-4e6a-9b8c-7d6e5f4a{{i:x4}}","EntityId":"3f2a9c1e-7b4d-4e8a-9c5f-1d2e3f4a5b6c","Description":"bench export {{i}}","S3BucketName":"workmail-exports-111122223333","S3Path":"mailbox-exports/5b0e7c3a-1f2d-4e6a-9b8c-7d6e5f4a{{i:x4}}.zip","EstimatedProgress":{{i % 100}},"State":"{{(i % 5 == 0 ? "COMPLETED" : "RUNNING")}}","StartTime":1732789012.345{{(i % 5 == 0 ? ",\"EndTime\":1732799012.345" : string.Empty)}}}""");
        }

        body.Append("],\"NextToken\":\"eyJvIjoibS0wMTIzIiwiayI6IjViMGU3YzNhIn0=\"}");
        return Encoding.UTF8.GetBytes(body.ToString());
    }
}
