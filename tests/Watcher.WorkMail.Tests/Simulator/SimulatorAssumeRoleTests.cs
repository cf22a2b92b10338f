using Watcher.Simulator;

namespace Watcher.WorkMail.Tests.Simulator;

public sealed class SimulatorAssumeRoleTests
{
    internal const string RoleArn = "arn:aws:iam::444455556666:role/WatcherReader";
    internal const string AssumedRoleArn = "arn:aws:sts::444455556666:assumed-role/WatcherReader/watcher-test";
    internal const string ExternalId = "watcher-external-0001";

    [Fact]
    public async Task ListExportJobsAsync_AssumeRole_CallsStsOnceThenSignsAsRole()
    {
        await using var simulator = await StartAsync();
        using var client = new WorkMailExportJobsClient(Settings(simulator, ExternalId));

        await client.ListExportJobsAsync(SimulatorClients.OrganizationId, null, 10, CancellationToken.None);
        await client.DescribeExportJobAsync(SimulatorClients.OrganizationId, "job-1", CancellationToken.None);

        Assert.Equal(1, simulator.Requests.Count("AssumeRole"));
        var assume = simulator.Requests.All[0];
        Assert.Equal("AssumeRole", assume.Operation);
        Assert.Equal(200, assume.StatusCode);
        Assert.True(assume.SignatureValid);
        Assert.Equal(simulator.Credentials.AccessKeyId, assume.AccessKeyId);
        Assert.Contains("RoleSessionName=watcher-test", assume.Body, StringComparison.Ordinal);
        var workMail = simulator.Requests.All.Skip(1).ToList();
        Assert.Equal(2, workMail.Count);
        Assert.All(workMail, request =>
        {
            Assert.True(request.SignatureValid);
            Assert.Equal(200, request.StatusCode);
            Assert.Equal(AssumedRoleArn, request.AssumedRoleArn);
            Assert.StartsWith("ASIA", request.AccessKeyId, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task DescribeExportJobAsync_WrongExternalId_WorkMailExceptionAccessDeniedNamingRole()
    {
        await using var simulator = await StartAsync();
        using var client = new WorkMailExportJobsClient(Settings(simulator, "not-the-external-id"));

        var exception = await Assert.ThrowsAsync<WorkMailException>(
            () => client.DescribeExportJobAsync(SimulatorClients.OrganizationId, "job-1", CancellationToken.None));

        Assert.Equal("AccessDenied", exception.ErrorCode);
        Assert.Equal(403, exception.StatusCode);
        Assert.True(exception.CredentialsFailed);
        Assert.Contains(RoleArn, exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-external-id", exception.Message, StringComparison.Ordinal);
        Assert.All(simulator.Requests.All, request => Assert.Equal("AssumeRole", request.Operation));
    }

    [Fact]
    public async Task ListExportJobsAsync_UnknownRole_WorkMailExceptionAccessDenied()
    {
        await using var simulator = await StartAsync();
        var settings = Settings(simulator, null) with { AssumeRole = new WorkMailAssumeRole("arn:aws:iam::444455556666:role/Other") };
        using var client = new WorkMailExportJobsClient(settings);

        var exception = await Assert.ThrowsAsync<WorkMailException>(
            () => client.ListExportJobsAsync(SimulatorClients.OrganizationId, null, 10, CancellationToken.None));

        Assert.Equal("AccessDenied", exception.ErrorCode);
        Assert.Equal(0, simulator.Requests.Count("ListMailboxExportJobs"));
    }

    [Fact]
    public async Task ListExportJobsAsync_SourceKeysUnknownToSts_WorkMailExceptionInvalidClientTokenId()
    {
        await using var simulator = await StartAsync();
        var settings = Settings(simulator, ExternalId) with { Credentials = new WorkMailStaticCredentials("AKIAUNKNOWN000000000", "secret") };
        using var client = new WorkMailExportJobsClient(settings);

        var exception = await Assert.ThrowsAsync<WorkMailException>(
            () => client.ListExportJobsAsync(SimulatorClients.OrganizationId, null, 10, CancellationToken.None));

        Assert.Equal("InvalidClientTokenId", exception.ErrorCode);
        Assert.DoesNotContain("secret", exception.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ListExportJobsAsync_SessionExpiredOnServerFirst_WorkMailExceptionExpiredToken()
    {
        var clock = SimulatorClients.Clock();
        await using var simulator = await StartAsync(clock);
        using var client = new WorkMailExportJobsClient(Settings(simulator, ExternalId));
        await client.ListExportJobsAsync(SimulatorClients.OrganizationId, null, 10, CancellationToken.None);

        // Only the simulator's clock moves: the client still trusts its session (it refreshes by the real clock),
        // so the service's verdict must come back as a clear error rather than be hidden.
        clock.Advance(TimeSpan.FromHours(2));
        var exception = await Record.ExceptionAsync(
            () => client.ListExportJobsAsync(SimulatorClients.OrganizationId, null, 10, CancellationToken.None));

        var last = simulator.Requests.All[^1];
        Assert.Equal("ListMailboxExportJobs", last.Operation);
        Assert.Equal("ExpiredTokenException", last.ErrorCode);
        Assert.Equal("ExpiredTokenException", Assert.IsType<WorkMailException>(exception).ErrorCode);
        Assert.Equal(1, simulator.Requests.Count("AssumeRole"));
    }

    internal static async Task<WorkMailSimulator> StartAsync(TimeProvider? clock = null)
    {
        var simulator = await WorkMailSimulator.StartAsync(
            new SimulatorOptions { Roles = [new SimulatorRole(RoleArn, ExternalId)] },
            clock ?? SimulatorClients.Clock());
        simulator.Store.AddOrganization(SimulatorClients.OrganizationId);
        simulator.Store.AddJob(SimulatorClients.OrganizationId, new SimulatedJob { JobId = "job-1" });
        return simulator;
    }

    internal static WorkMailClientSettings Settings(WorkMailSimulator simulator, string? externalId) =>
        SimulatorClients.Settings(simulator) with
        {
            AssumeRole = new WorkMailAssumeRole(RoleArn, externalId, "watcher-test"),
            StsServiceUrl = simulator.ServiceUrl,
        };
}
