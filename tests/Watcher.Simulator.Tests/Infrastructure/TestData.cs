namespace Watcher.Simulator.Tests.Infrastructure;

internal static class TestData
{
    public const string OrganizationId = "m-0123456789abcdef0123456789abcdef";
    public const string OtherOrganizationId = "m-fedcba9876543210fedcba9876543210";
    public const string RoleArn = "arn:aws:iam::111122223333:role/ExportRole";
    public const string KmsKeyArn = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";

    public static Dictionary<string, object?> StartInput(string? clientToken = null) => new()
    {
        ["ClientToken"] = clientToken ?? Guid.NewGuid().ToString(),
        ["OrganizationId"] = OrganizationId,
        ["EntityId"] = "j.doe@example.com",
        ["Description"] = "Legal hold export",
        ["RoleArn"] = RoleArn,
        ["KmsKeyArn"] = KmsKeyArn,
        ["S3BucketName"] = "example-exports",
        ["S3Prefix"] = "holds/2024",
    };
}
