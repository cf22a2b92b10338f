using System.Net;
using Watcher.Simulator;
using Watcher.WorkMail.Tests.Support;

namespace Watcher.WorkMail.Tests.Simulator;

/// <summary>
/// A canary secret key and session token, used as static credentials, must never show in anything the client
/// surfaces: exception messages, ToString() (inner exceptions included), settings.
/// </summary>
public sealed class CredentialCanaryTests
{
    private const string AccessKeyId = "AKIACANARY0000000001";
    private const string Secret = "CANARY-SECRET-5f0c9a7e1b2d4c6e8a0f1b3d5c7e9a2b";
    private const string SessionToken = "CANARY-SESSION-TOKEN-9d8c7b6a5f4e3d2c1b0a";
    private const string JobId = "job-1";
    private const string RoleArn = "arn:aws:iam::111122223333:role/Canary";

    public static TheoryData<ResponseFault> ResponseFaults => [.. Enum.GetValues<ResponseFault>().Where(f => f != ResponseFault.None)];

    public static TheoryData<CredentialFault> CredentialFaults => [.. Enum.GetValues<CredentialFault>().Where(f => f != CredentialFault.None)];

    [Theory]
    [MemberData(nameof(ResponseFaults))]
    public async Task DescribeAndList_ResponseFault_NoCanaryInException(ResponseFault fault)
    {
        await using var simulator = await StartAsync();
        simulator.Faults.ResponseFault = fault;
        using var client = new WorkMailExportJobsClient(Settings(simulator));

        var describe = await Assert.ThrowsAsync<WorkMailException>(
            () => client.DescribeExportJobAsync(SimulatorClients.OrganizationId, JobId, CancellationToken.None));
        var list = await Assert.ThrowsAsync<WorkMailException>(
            () => client.ListExportJobsAsync(SimulatorClients.OrganizationId, null, 10, CancellationToken.None));

        AssertNoCanary(describe);
        AssertNoCanary(list);
    }

    [Theory]
    [MemberData(nameof(CredentialFaults))]
    public async Task Describe_CredentialFault_NoCanaryInException(CredentialFault fault)
    {
        await using var simulator = await StartAsync();
        simulator.Faults.CredentialFault = fault;
        using var client = new WorkMailExportJobsClient(Settings(simulator));

        var exception = await Assert.ThrowsAsync<WorkMailException>(
            () => client.DescribeExportJobAsync(SimulatorClients.OrganizationId, JobId, CancellationToken.None));

        AssertNoCanary(exception);
    }

    [Fact]
    public async Task Describe_SignatureRejected_NoCanaryInException()
    {
        // The simulator knows a different secret for the canary key id: the signature cannot match.
        await using var simulator = await WorkMailSimulator.StartAsync(
            new SimulatorOptions { Credentials = [new SimulatorCredential(AccessKeyId, "some-other-secret-0000000000000000000000")] },
            SimulatorClients.Clock());
        using var client = new WorkMailExportJobsClient(Settings(simulator));

        var exception = await Assert.ThrowsAsync<WorkMailException>(
            () => client.DescribeExportJobAsync(SimulatorClients.OrganizationId, JobId, CancellationToken.None));

        Assert.Equal("InvalidSignatureException", exception.ErrorCode);
        AssertNoCanary(exception);
    }

    [Theory]
    [InlineData("arn:aws:iam::111122223333:role/Unknown", null, "AccessDenied")]
    [InlineData(RoleArn, "wrong-external-id", "AccessDenied")]
    public async Task Describe_AssumeRoleRejected_NoCanaryInException(string roleArn, string? externalId, string code)
    {
        await using var simulator = await StartAsync();
        simulator.Roles.Add(new SimulatorRole(RoleArn, "CANARY-EXTERNAL-ID"));
        var settings = Settings(simulator) with { AssumeRole = new WorkMailAssumeRole(roleArn, externalId), StsServiceUrl = simulator.ServiceUrl };
        using var client = new WorkMailExportJobsClient(settings);

        var exception = await Assert.ThrowsAsync<WorkMailException>(
            () => client.DescribeExportJobAsync(SimulatorClients.OrganizationId, JobId, CancellationToken.None));

        Assert.Equal(code, exception.ErrorCode);
        AssertNoCanary(exception);
        Assert.DoesNotContain("CANARY-EXTERNAL-ID", exception.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(HttpStatusCode.OK, "<AssumeRoleResponse><AssumeRoleResult><Credentials>")]
    [InlineData(HttpStatusCode.OK, "not xml at all")]
    [InlineData(HttpStatusCode.Forbidden, "<ErrorResponse><Error><Code>ExpiredToken</Code><Message>expired</Message></Error></ErrorResponse>")]
    [InlineData(HttpStatusCode.InternalServerError, "<html>oops</html>")]
    public async Task Describe_StsAnswersBadly_NoCanaryInException(HttpStatusCode status, string body)
    {
        await using var sts = new CannedHttpServer(new CannedResponse(status, body, "text/xml"));
        await using var simulator = await StartAsync();
        var settings = Settings(simulator) with { AssumeRole = new WorkMailAssumeRole(RoleArn, "CANARY-EXTERNAL-ID"), StsServiceUrl = sts.Url };
        using var client = new WorkMailExportJobsClient(settings);

        var exception = await Assert.ThrowsAsync<WorkMailException>(
            () => client.DescribeExportJobAsync(SimulatorClients.OrganizationId, JobId, CancellationToken.None));

        AssertNoCanary(exception);
        Assert.Equal(0, simulator.Requests.Count("DescribeMailboxExportJob"));
    }

    [Fact]
    public async Task Describe_StsUnreachable_NoCanaryInException()
    {
        await using var simulator = await StartAsync();
        var settings = Settings(simulator) with { AssumeRole = new WorkMailAssumeRole(RoleArn), StsServiceUrl = new Uri("http://127.0.0.1:1/") };
        using var client = new WorkMailExportJobsClient(settings);

        var exception = await Assert.ThrowsAsync<WorkMailException>(
            () => client.DescribeExportJobAsync(SimulatorClients.OrganizationId, JobId, CancellationToken.None));

        Assert.Equal(WorkMailErrorCodes.Network, exception.ErrorCode);
        AssertNoCanary(exception);
    }

    [Fact]
    public async Task Settings_ToString_NoCanary()
    {
        await using var simulator = await StartAsync();
        var settings = Settings(simulator) with { AssumeRole = new WorkMailAssumeRole(RoleArn, "CANARY-EXTERNAL-ID") };

        var text = settings.ToString() + settings.Credentials!.ToString() + settings.AssumeRole!.ToString();

        Assert.Contains(AccessKeyId, text, StringComparison.Ordinal);
        Assert.DoesNotContain("CANARY-", text, StringComparison.Ordinal);
    }

    private static void AssertNoCanary(WorkMailException exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            var text = current.ToString() + current.Message + string.Join(",", current.Data.Keys.Cast<object>()) + string.Join(",", current.Data.Values.Cast<object?>());
            Assert.DoesNotContain("CANARY-", text, StringComparison.Ordinal);
        }
    }

    private static async Task<WorkMailSimulator> StartAsync()
    {
        var simulator = await WorkMailSimulator.StartAsync(
            new SimulatorOptions { Credentials = [new SimulatorCredential(AccessKeyId, Secret)] },
            SimulatorClients.Clock());
        simulator.Store.AddJob(SimulatorClients.OrganizationId, new SimulatedJob { JobId = JobId, Duration = TimeSpan.FromHours(1) });
        return simulator;
    }

    private static WorkMailClientSettings Settings(WorkMailSimulator simulator) => new()
    {
        Region = simulator.Region,
        ServiceUrl = simulator.ServiceUrl,
        Credentials = new WorkMailStaticCredentials(AccessKeyId, Secret, SessionToken),
        MaxAttempts = 1,
        RequestTimeout = TimeSpan.FromSeconds(5),
    };
}
