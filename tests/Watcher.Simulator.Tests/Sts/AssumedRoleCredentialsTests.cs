using Watcher.Simulator.Tests.Infrastructure;
using static Watcher.Simulator.Tests.Infrastructure.StsTestCalls;

namespace Watcher.Simulator.Tests.Sts;

public class AssumedRoleCredentialsTests
{
    private const string RoleArn = "arn:aws:iam::444455556666:role/WatcherReader";
    private const string AssumedRoleArn = "arn:aws:sts::444455556666:assumed-role/WatcherReader/watcher";
    private const string Describe = "WorkMailService.DescribeMailboxExportJob";
    private const string Body = """{"OrganizationId":"m-0123456789abcdef0123456789abcdef","JobId":"missing-job"}""";

    [Fact]
    public async Task DescribeMailboxExportJob_IssuedKeysWithToken_ReachesOperationAsAssumedRole()
    {
        await using var harness = await StartAsync();
        var keys = await AssumeAsync(harness);
        harness.Simulator.Requests.Clear();

        var response = await harness.Client.SendAsync(DescribeWith(keys));

        Assert.Equal(400, response.StatusCode);
        Assert.Equal("EntityNotFoundException", response.ErrorCode);
        var logged = Assert.Single(harness.Simulator.Requests.All);
        Assert.True(logged.SignatureValid);
        Assert.Equal(keys.AccessKeyId, logged.AccessKeyId);
        Assert.Equal(AssumedRoleArn, logged.AssumedRoleArn);
    }

    [Fact]
    public async Task DescribeMailboxExportJob_BaseKeys_NoAssumedRole()
    {
        await using var harness = await StartAsync();

        await harness.Client.SendAsync(new TestRequest { Target = Describe, Body = Body });

        Assert.Null(harness.Simulator.Requests.All.Single().AssumedRoleArn);
    }

    [Fact]
    public async Task DescribeMailboxExportJob_IssuedKeysWithoutToken_403UnrecognizedClient()
    {
        await using var harness = await StartAsync();
        var keys = await AssumeAsync(harness);

        var response = await harness.Client.SendAsync(DescribeWith(keys) with { SessionToken = null });

        Assert.Equal(403, response.StatusCode);
        Assert.Equal("UnrecognizedClientException", response.ErrorType);
        Assert.False(harness.Simulator.Requests.All[^1].SignatureValid);
    }

    [Fact]
    public async Task DescribeMailboxExportJob_IssuedKeysWithOtherToken_403UnrecognizedClient()
    {
        await using var harness = await StartAsync();
        var keys = await AssumeAsync(harness);

        var response = await harness.Client.SendAsync(DescribeWith(keys) with { SessionToken = "not-the-issued-token" });

        Assert.Equal("UnrecognizedClientException", response.ErrorType);
    }

    [Fact]
    public async Task DescribeMailboxExportJob_IssuedKeysWrongSecret_403InvalidSignature()
    {
        await using var harness = await StartAsync();
        var keys = await AssumeAsync(harness);

        var response = await harness.Client.SendAsync(DescribeWith(keys) with { SecretAccessKey = "wrong-secret" });

        Assert.Equal("InvalidSignatureException", response.ErrorType);
    }

    [Fact]
    public async Task DescribeMailboxExportJob_AfterExpiration_403ExpiredToken()
    {
        await using var harness = await StartAsync();
        var keys = await AssumeAsync(harness, durationSeconds: "900");
        harness.Time.Advance(TimeSpan.FromSeconds(899));
        var before = await harness.Client.SendAsync(DescribeWith(keys));

        harness.Time.Advance(TimeSpan.FromSeconds(1));
        var after = await harness.Client.SendAsync(DescribeWith(keys));

        Assert.Equal("EntityNotFoundException", before.ErrorCode);
        Assert.Equal(403, after.StatusCode);
        Assert.Equal("ExpiredTokenException", after.ErrorType);
        Assert.Equal(AssumedRoleArn, harness.Simulator.Requests.All[^1].AssumedRoleArn);
    }

    [Fact]
    public async Task AssumeRole_WithIssuedKeys_ChainsAndLogsAssumedRole()
    {
        await using var harness = await StartAsync();
        var keys = await AssumeAsync(harness);

        var response = await harness.Client.SendAsync(AssumeRole(RoleArn, "chained") with
        {
            AccessKeyId = keys.AccessKeyId,
            SecretAccessKey = keys.SecretAccessKey,
            SessionToken = keys.SessionToken,
        });

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(AssumedRoleArn, harness.Simulator.Requests.All[^1].AssumedRoleArn);
    }

    [Fact]
    public async Task AssumeRole_IssuedKeysAfterExpiration_403ExpiredToken()
    {
        await using var harness = await StartAsync();
        var keys = await AssumeAsync(harness);
        harness.Time.Advance(TimeSpan.FromHours(2));

        var response = await harness.Client.SendAsync(AssumeRole(RoleArn) with
        {
            AccessKeyId = keys.AccessKeyId,
            SecretAccessKey = keys.SecretAccessKey,
            SessionToken = keys.SessionToken,
        });

        Assert.Equal(403, response.StatusCode);
        Assert.Equal("ExpiredToken", ErrorCode(response));
    }

    private static TestRequest DescribeWith(IssuedKeys keys) => new()
    {
        Target = Describe,
        Body = Body,
        AccessKeyId = keys.AccessKeyId,
        SecretAccessKey = keys.SecretAccessKey,
        SessionToken = keys.SessionToken,
    };

    private static async Task<IssuedKeys> AssumeAsync(SimulatorHarness harness, string? durationSeconds = null)
    {
        var response = await harness.Client.SendAsync(AssumeRole(RoleArn, durationSeconds: durationSeconds));
        Assert.Equal(200, response.StatusCode);
        var credentials = Credentials(response);
        return new IssuedKeys(
            credentials.Element(Ns + "AccessKeyId")!.Value,
            credentials.Element(Ns + "SecretAccessKey")!.Value,
            credentials.Element(Ns + "SessionToken")!.Value);
    }

    private static Task<SimulatorHarness> StartAsync() =>
        SimulatorHarness.StartAsync(new SimulatorOptions { Roles = [new SimulatorRole(RoleArn)] });

    private sealed record IssuedKeys(string AccessKeyId, string SecretAccessKey, string SessionToken);
}
