using System.Globalization;
using Watcher.Simulator.Tests.Infrastructure;
using static Watcher.Simulator.Tests.Infrastructure.StsTestCalls;

namespace Watcher.Simulator.Tests.Sts;

public class AssumeRoleTests
{
    private const string RoleArn = "arn:aws:iam::444455556666:role/ops/WatcherReader";
    private const string GuardedRoleArn = "arn:aws:iam::444455556666:role/Guarded";
    private const string ExternalId = "watcher-external-0001";

    [Fact]
    public async Task AssumeRole_KnownRole_AnswersTemporaryCredentialsInStsXml()
    {
        await using var harness = await StartAsync();

        var response = await harness.Client.SendAsync(AssumeRole(RoleArn, "nightly"));

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("text/xml", response.ContentType);
        var root = Xml(response);
        Assert.Equal(Ns + "AssumeRoleResponse", root.Name);
        var credentials = Credentials(response);
        Assert.StartsWith("ASIA", credentials.Element(Ns + "AccessKeyId")!.Value, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(credentials.Element(Ns + "SecretAccessKey")!.Value));
        Assert.False(string.IsNullOrEmpty(credentials.Element(Ns + "SessionToken")!.Value));
        Assert.Equal("2026-03-02T10:00:00Z", credentials.Element(Ns + "Expiration")!.Value);
        var user = root.Element(Ns + "AssumeRoleResult")!.Element(Ns + "AssumedRoleUser")!;
        Assert.Equal("arn:aws:sts::444455556666:assumed-role/WatcherReader/nightly", user.Element(Ns + "Arn")!.Value);
        Assert.Matches("^AROA[A-Z2-7]{17}:nightly$", user.Element(Ns + "AssumedRoleId")!.Value);
        Assert.False(string.IsNullOrEmpty(root.Element(Ns + "ResponseMetadata")!.Element(Ns + "RequestId")!.Value));
    }

    [Fact]
    public async Task AssumeRole_DurationSeconds_SetsExpirationFromSimulatorClock()
    {
        await using var harness = await StartAsync();

        var response = await harness.Client.SendAsync(AssumeRole(RoleArn, durationSeconds: "900"));

        var expiration = DateTimeOffset.Parse(Credentials(response).Element(Ns + "Expiration")!.Value, CultureInfo.InvariantCulture);
        Assert.Equal(harness.Time.GetUtcNow().AddSeconds(900), expiration);
    }

    [Fact]
    public async Task AssumeRole_Success_LoggedAsAssumeRoleWithSignerKey()
    {
        await using var harness = await StartAsync();

        await harness.Client.SendAsync(AssumeRole(RoleArn));

        var logged = Assert.Single(harness.Simulator.Requests.All);
        Assert.Equal("AssumeRole", logged.Operation);
        Assert.Equal(200, logged.StatusCode);
        Assert.True(logged.SignatureValid);
        Assert.Equal(SimulatorCredentials.Default.AccessKeyId, logged.AccessKeyId);
        Assert.Null(logged.AssumedRoleArn);
        Assert.Equal(1, harness.Simulator.Requests.Count("AssumeRole"));
    }

    [Fact]
    public async Task AssumeRole_RequiredExternalIdGiven_Succeeds()
    {
        await using var harness = await StartAsync();

        var response = await harness.Client.SendAsync(AssumeRole(GuardedRoleArn, externalId: ExternalId));

        Assert.Equal(200, response.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("some-other-id")]
    public async Task AssumeRole_RequiredExternalIdMissingOrWrong_403AccessDenied(string? externalId)
    {
        await using var harness = await StartAsync();

        var response = await harness.Client.SendAsync(AssumeRole(GuardedRoleArn, externalId: externalId));

        Assert.Equal(403, response.StatusCode);
        Assert.Equal("AccessDenied", ErrorCode(response));
        var error = Xml(response).Element(Ns + "Error")!;
        Assert.Equal("Sender", error.Element(Ns + "Type")!.Value);
        Assert.Contains(GuardedRoleArn, error.Element(Ns + "Message")!.Value, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(Xml(response).Element(Ns + "RequestId")!.Value));
        Assert.Equal("AccessDenied", harness.Simulator.Requests.All.Single().ErrorCode);
    }

    [Fact]
    public async Task AssumeRole_UnknownRole_403AccessDenied()
    {
        await using var harness = await StartAsync();

        var response = await harness.Client.SendAsync(AssumeRole("arn:aws:iam::444455556666:role/Unknown"));

        Assert.Equal(403, response.StatusCode);
        Assert.Equal("AccessDenied", ErrorCode(response));
    }

    [Fact]
    public async Task AssumeRole_RoleAddedAtRunTime_Succeeds()
    {
        await using var harness = await StartAsync();
        harness.Simulator.Roles.Add(new SimulatorRole("arn:aws:iam::777788889999:role/Late"));

        var response = await harness.Client.SendAsync(AssumeRole("arn:aws:iam::777788889999:role/Late"));

        Assert.Equal(200, response.StatusCode);
    }

    [Theory]
    [InlineData(null, "watcher", null, "'roleArn'")]
    [InlineData("arn:aws:iam::123:role/Short", "watcher", null, "'roleArn'")]
    [InlineData("arn:aws:s3:::bucket", "watcher", null, "'roleArn'")]
    [InlineData(RoleArn, null, null, "'roleSessionName'")]
    [InlineData(RoleArn, "x", null, "'roleSessionName'")]
    [InlineData(RoleArn, "has space", null, "'roleSessionName'")]
    [InlineData(RoleArn, "watcher", "899", "'durationSeconds'")]
    [InlineData(RoleArn, "watcher", "43201", "'durationSeconds'")]
    [InlineData(RoleArn, "watcher", "an-hour", "'durationSeconds'")]
    public async Task AssumeRole_BadParameter_400ValidationErrorNamingIt(string? roleArn, string? sessionName, string? duration, string member)
    {
        await using var harness = await StartAsync();

        var response = await harness.Client.SendAsync(AssumeRole(roleArn, sessionName, durationSeconds: duration));

        Assert.Equal(400, response.StatusCode);
        Assert.Equal("ValidationError", ErrorCode(response));
        Assert.Contains(member, Xml(response).Element(Ns + "Error")!.Element(Ns + "Message")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AssumeRole_ExternalIdTooShort_400ValidationErrorWithoutEchoingIt()
    {
        await using var harness = await StartAsync();

        var response = await harness.Client.SendAsync(AssumeRole(RoleArn, externalId: "Q"));

        Assert.Equal("ValidationError", ErrorCode(response));
        Assert.Contains("'externalId'", response.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("'Q'", response.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GetCallerIdentity", "2011-06-15")]
    [InlineData("AssumeRole", "2020-01-01")]
    [InlineData(null, null)]
    public async Task Sts_UnknownActionOrVersion_400InvalidAction(string? action, string? version)
    {
        await using var harness = await StartAsync();

        var response = await harness.Client.SendAsync(Form(("Action", action), ("Version", version), ("RoleArn", RoleArn)));

        Assert.Equal(400, response.StatusCode);
        Assert.Equal("InvalidAction", ErrorCode(response));
    }

    [Fact]
    public async Task AssumeRole_SignedForWorkMailService_403SignatureDoesNotMatch()
    {
        await using var harness = await StartAsync();

        var response = await harness.Client.SendAsync(AssumeRole(RoleArn) with { Service = "workmail" });

        Assert.Equal(403, response.StatusCode);
        Assert.Equal("SignatureDoesNotMatch", ErrorCode(response));
        Assert.Contains("'sts'", response.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AssumeRole_UnknownAccessKey_403InvalidClientTokenId()
    {
        await using var harness = await StartAsync();

        var response = await harness.Client.SendAsync(AssumeRole(RoleArn) with { AccessKeyId = "AKIAUNKNOWN000000000" });

        Assert.Equal(403, response.StatusCode);
        Assert.Equal("InvalidClientTokenId", ErrorCode(response));
    }

    [Fact]
    public async Task AssumeRole_Unsigned_403MissingAuthenticationToken()
    {
        await using var harness = await StartAsync();

        var response = await harness.Client.SendAsync(AssumeRole(RoleArn) with { Sign = false });

        Assert.Equal("MissingAuthenticationToken", ErrorCode(response));
    }

    [Fact]
    public async Task AssumeRole_InjectedFaults_NotApplied()
    {
        await using var harness = await StartAsync();
        harness.Simulator.Faults.ThrottleRatio = 1;

        var response = await harness.Client.SendAsync(AssumeRole(RoleArn));

        Assert.Equal(200, response.StatusCode);
    }

    private static Task<SimulatorHarness> StartAsync() => SimulatorHarness.StartAsync(new SimulatorOptions
    {
        Roles = [new SimulatorRole(RoleArn), new SimulatorRole(GuardedRoleArn, ExternalId)],
    });
}
