using Watcher.Simulator.Tests.Infrastructure;

namespace Watcher.Simulator.Tests.Auth;

public class AuthenticationTests
{
    private const string Describe = "WorkMailService.DescribeMailboxExportJob";
    private const string Body = """{"OrganizationId":"m-0123456789abcdef0123456789abcdef","JobId":"missing-job"}""";

    [Fact]
    public async Task Request_SignedCorrectly_ReachesOperation()
    {
        await using var harness = await SimulatorHarness.StartAsync();

        var response = await harness.Client.SendAsync(new TestRequest { Target = Describe, Body = Body });

        Assert.Equal(400, response.StatusCode);
        Assert.Equal("EntityNotFoundException", response.ErrorCode);
        Assert.True(harness.Simulator.Requests.All.Single().SignatureValid);
    }

    [Fact]
    public async Task Request_WithoutAuthorization_403MissingAuthenticationToken()
    {
        await using var harness = await SimulatorHarness.StartAsync();

        var response = await harness.Client.SendAsync(new TestRequest { Target = Describe, Body = Body, Sign = false });

        Assert.Equal(403, response.StatusCode);
        Assert.Equal("MissingAuthenticationTokenException", response.ErrorType);
    }

    [Fact]
    public async Task Request_UnknownAccessKey_403UnrecognizedClient()
    {
        await using var harness = await SimulatorHarness.StartAsync();

        var response = await harness.Client.SendAsync(new TestRequest { Target = Describe, Body = Body, AccessKeyId = "AKIAUNKNOWN000000000" });

        Assert.Equal(403, response.StatusCode);
        Assert.Equal("UnrecognizedClientException", response.ErrorType);
        Assert.Equal("AKIAUNKNOWN000000000", harness.Simulator.Requests.All.Single().AccessKeyId);
    }

    [Fact]
    public async Task Request_WrongSecret_403InvalidSignature()
    {
        await using var harness = await SimulatorHarness.StartAsync();

        var response = await harness.Client.SendAsync(new TestRequest { Target = Describe, Body = Body, SecretAccessKey = "wrong-secret" });

        Assert.Equal(403, response.StatusCode);
        Assert.Equal("InvalidSignatureException", response.ErrorType);
        Assert.Contains("does not match", response.Message, StringComparison.Ordinal);
        Assert.False(harness.Simulator.Requests.All.Single().SignatureValid);
    }

    [Fact]
    public async Task Request_BodyChangedAfterSigning_403InvalidSignature()
    {
        await using var harness = await SimulatorHarness.StartAsync();

        var response = await harness.Client.SendAsync(new TestRequest
        {
            Target = Describe,
            Body = Body,
            AfterSigning = m =>
            {
                var contentType = m.Content!.Headers.ContentType;
                m.Content = new StringContent(Body.Replace("missing-job", "other-job", StringComparison.Ordinal));
                m.Content.Headers.ContentType = contentType;
            },
        });

        Assert.Equal("InvalidSignatureException", response.ErrorType);
    }

    [Fact]
    public async Task Request_WrongRegionScope_403InvalidSignatureNamingRegion()
    {
        await using var harness = await SimulatorHarness.StartAsync();

        var response = await harness.Client.SendAsync(new TestRequest { Target = Describe, Body = Body, Region = "eu-west-1" });

        Assert.Equal(403, response.StatusCode);
        Assert.Equal("InvalidSignatureException", response.ErrorType);
        Assert.Contains("Credential should be scoped to a valid region, not 'eu-west-1'", response.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Request_WrongServiceScope_403InvalidSignature()
    {
        await using var harness = await SimulatorHarness.StartAsync();

        var response = await harness.Client.SendAsync(new TestRequest { Target = Describe, Body = Body, Service = "s3" });

        Assert.Equal("InvalidSignatureException", response.ErrorType);
        Assert.Contains("correct service: 'workmail'", response.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Request_SignedSessionToken_Accepted()
    {
        await using var harness = await SimulatorHarness.StartAsync();

        var response = await harness.Client.SendAsync(new TestRequest { Target = Describe, Body = Body, SessionToken = "FwoGZXIvYXdzEBYaDH+session/token==" });

        Assert.Equal("EntityNotFoundException", response.ErrorCode);
    }

    [Fact]
    public async Task Request_SessionTokenChangedAfterSigning_403InvalidSignature()
    {
        await using var harness = await SimulatorHarness.StartAsync();

        var response = await harness.Client.SendAsync(new TestRequest
        {
            Target = Describe,
            Body = Body,
            SessionToken = "token-one",
            AfterSigning = m =>
            {
                m.Headers.Remove("X-Amz-Security-Token");
                m.Headers.TryAddWithoutValidation("X-Amz-Security-Token", "token-two");
            },
        });

        Assert.Equal("InvalidSignatureException", response.ErrorType);
    }

    [Fact]
    public async Task Request_SecondConfiguredCredential_Accepted()
    {
        var options = new SimulatorOptions { Credentials = [SimulatorCredentials.Default, new("AKIASECOND0000000000", "second-secret")] };
        await using var harness = await SimulatorHarness.StartAsync(options);

        var response = await harness.Client.SendAsync(new TestRequest
        {
            Target = Describe,
            Body = Body,
            AccessKeyId = "AKIASECOND0000000000",
            SecretAccessKey = "second-secret",
        });

        Assert.Equal("EntityNotFoundException", response.ErrorCode);
        Assert.Equal(SimulatorCredentials.Default, harness.Simulator.Credentials);
    }

    [Fact]
    public async Task Request_OtherRegionConfigured_AcceptsThatRegionOnly()
    {
        await using var harness = await SimulatorHarness.StartAsync(new SimulatorOptions { Region = "eu-west-1" });

        var good = await harness.Client.SendAsync(new TestRequest { Target = Describe, Body = Body });
        var bad = await harness.Client.SendAsync(new TestRequest { Target = Describe, Body = Body, Region = "us-east-1" });

        Assert.Equal("EntityNotFoundException", good.ErrorCode);
        Assert.Equal("InvalidSignatureException", bad.ErrorType);
    }
}
