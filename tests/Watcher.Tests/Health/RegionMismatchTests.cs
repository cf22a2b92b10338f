using Watcher.Clients;
using Watcher.Health;
using Watcher.WorkMail;

namespace Watcher.Tests.Health;

public sealed class RegionMismatchTests
{
    private const string Org = "m-0123456789abcdef0123456789abcdef";
    private static readonly WorkMailEndpoint Simulator = new("http://127.0.0.1:5088/", Custom: true);

    [Fact]
    public void Of_ScopedToValidRegionAtCustomEndpoint_SignedFromMessageExpectedIsWatchersOwnRegion()
    {
        var mismatch = RegionMismatch.Of(
            Failure(WorkMailErrorCodes.InvalidSignatureException, "Credential should be scoped to a valid region, not 'eu-west-1'. "),
            Call("eu-west-1", Simulator, ownRegion: "us-east-1"));

        Assert.NotNull(mismatch);
        Assert.Equal("eu-west-1", mismatch.SignedRegion);
        Assert.Equal("us-east-1", mismatch.ExpectedRegion);
        Assert.StartsWith("Watcher:Aws:Region", mismatch.ExpectedFrom, StringComparison.Ordinal);
    }

    [Fact]
    public void Of_RegionalEndpoint_ExpectedRegionFromItsHostName()
    {
        var mismatch = RegionMismatch.Of(
            Failure(WorkMailErrorCodes.SignatureDoesNotMatch, "Credential should be scoped to a valid region, not 'eu-west-1'."),
            Call("eu-west-1", new WorkMailEndpoint("https://workmail.us-west-2.amazonaws.com", Custom: true), ownRegion: "eu-west-1"));

        Assert.Equal(new RegionMismatch("eu-west-1", "us-west-2", "the endpoint's host name"), mismatch);
    }

    [Fact]
    public void Of_MessageSaysWhatItExpects_TakesTheMessagesRegions()
    {
        var mismatch = RegionMismatch.Of(
            Failure(WorkMailErrorCodes.InvalidSignatureException, "The authorization header is malformed; the region 'us-east-1' is wrong; expecting 'eu-west-1'"),
            Call("us-east-1", new WorkMailEndpoint("https://workmail.us-east-1.amazonaws.com", Custom: false), ownRegion: "us-east-1"));

        Assert.Equal(new RegionMismatch("us-east-1", "eu-west-1", "the error message"), mismatch);
    }

    [Fact]
    public void Of_CustomEndpointInWatchersOwnRegion_ExpectedRegionUnknown()
    {
        var mismatch = RegionMismatch.Of(
            Failure(WorkMailErrorCodes.InvalidSignatureException, "The credential must be scoped to a valid region."),
            Call("us-east-1", Simulator, ownRegion: "us-east-1"));

        Assert.Equal(new RegionMismatch("us-east-1", null, null), mismatch);
    }

    [Theory]
    [InlineData(WorkMailErrorCodes.InvalidSignatureException, "The request signature we calculated does not match the signature you provided.")]
    [InlineData(WorkMailErrorCodes.AccessDeniedException, "Credential should be scoped to a valid region, not 'eu-west-1'.")]
    [InlineData(WorkMailErrorCodes.UnrecognizedClientException, "The security token included in the request is invalid.")]
    public void Of_OtherSignatureOrCredentialErrors_IsNoMismatch(string errorCode, string message)
    {
        Assert.Null(RegionMismatch.Of(Failure(errorCode, message), Call("eu-west-1", Simulator, ownRegion: "us-east-1")));
    }

    private static WorkMailException Failure(string errorCode, string awsMessage) =>
        new(errorCode, $"ListMailboxExportJobs failed with {errorCode} (HTTP 403): {awsMessage}", 403);

    private static WorkMailCall Call(string region, WorkMailEndpoint endpoint, string ownRegion) =>
        new(WorkMailOperations.ListMailboxExportJobs, Org, region, null, endpoint, ownRegion);
}
