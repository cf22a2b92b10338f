using Watcher.Check;
using Watcher.Clients;
using Watcher.Health;
using Watcher.WorkMail;
using Watcher.WorkMail.Credentials;

namespace Watcher.Tests.Check;

public sealed class CheckHintsTests
{
    private const string Org = "m-0123456789abcdef0123456789abcdef";
    private static readonly WorkMailEndpoint Simulator = new("http://127.0.0.1:5088/", Custom: true);

    [Fact]
    public void For_RegionMismatch_NamesBothRegionsAndNotTheKeyOrClock()
    {
        var exception = new WorkMailException(
            WorkMailErrorCodes.InvalidSignatureException,
            "ListMailboxExportJobs failed with InvalidSignatureException (HTTP 403): Credential should be scoped to a valid region, not 'eu-west-1'. ",
            403);

        var hint = CheckHints.For(exception, Call("eu-west-1", "us-east-1"), NotAsked);

        Assert.StartsWith("Region mismatch, not a key or clock problem: the call was signed for eu-west-1 (the organization's Region), but http://127.0.0.1:5088/ expects us-east-1", hint, StringComparison.Ordinal);
        Assert.Contains("Watcher:Aws:ServiceUrl", hint, StringComparison.Ordinal);
        Assert.DoesNotContain("secret key", hint, StringComparison.Ordinal);
    }

    [Fact]
    public void For_BadSignatureWithoutRegionText_BlamesTheKeyOrTheClock()
    {
        var exception = new WorkMailException(WorkMailErrorCodes.InvalidSignatureException, "ListMailboxExportJobs failed with InvalidSignatureException (HTTP 403): The request signature we calculated does not match.", 403);

        var hint = CheckHints.For(exception, Call("us-east-1", "us-east-1"), NotAsked);

        Assert.StartsWith("The request signature was rejected: the secret key does not belong to the access key, or this machine's clock is off", hint, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(WorkMailErrorCodes.NoCredentials, "No credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY")]
    [InlineData(WorkMailErrorCodes.ExpiredTokenException, "The session token has expired")]
    [InlineData(WorkMailErrorCodes.UnrecognizedClientException, "AWS does not know the access key")]
    [InlineData(WorkMailErrorCodes.AccessDeniedException, "IAM denied workmail:ListMailboxExportJobs. Allow it on arn:aws:workmail:us-east-1:<account>:organization/" + Org)]
    public void For_CredentialErrorCodes_SayWhatToChange(string errorCode, string expected)
    {
        var hint = CheckHints.For(new WorkMailException(errorCode, "failed", 403), Call("us-east-1", "us-east-1"), NotAsked);

        Assert.StartsWith(expected, hint, StringComparison.Ordinal);
    }

    [Fact]
    public void For_StsFailedForTheDefaultChainsSource_NamesThatSource()
    {
        var exception = new WorkMailException(WorkMailErrorCodes.Network, "failed before it was sent") { CredentialsFailed = true };

        var hint = CheckHints.For(exception, Call("us-east-1", "us-east-1") with { RoleArn = "arn:aws:iam::111122223333:role/r" }, () => WorkMailCredentialSources.Environment);

        Assert.StartsWith("Getting credentials from STS failed (credential source: environment).", hint, StringComparison.Ordinal);
    }

    [Fact]
    public void For_PodIdentityAgentGaveNothing_PointsAtTheAgent()
    {
        var exception = new WorkMailException(WorkMailErrorCodes.NoCredentials, "failed before it was sent")
        {
            CredentialsFailed = true,
            FailedCredentialSource = WorkMailCredentialSources.PodIdentity,
        };

        Assert.StartsWith("The EKS Pod Identity agent handed out no credentials.", CheckHints.For(exception, Call("us-east-1", "us-east-1"), NotAsked), StringComparison.Ordinal);
    }

    private static string NotAsked() => throw new InvalidOperationException("The credential source is only asked for a hint about STS.");

    private static WorkMailCall Call(string region, string ownRegion) =>
        new(WorkMailOperations.ListMailboxExportJobs, Org, region, null, Simulator, ownRegion);
}
