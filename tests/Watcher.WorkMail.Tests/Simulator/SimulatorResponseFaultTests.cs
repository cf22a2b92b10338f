using Watcher.Simulator;
using Watcher.WorkMail.Adapter;

namespace Watcher.WorkMail.Tests.Simulator;

/// <summary>The client against the simulator's spoilt answers, over real loopback HTTP.</summary>
public sealed class SimulatorResponseFaultTests
{
    private const string JobId = "job-1";

    [Theory]
    [InlineData(ResponseFault.MalformedJson, "not valid JSON")]
    [InlineData(ResponseFault.TruncatedJson, "not valid JSON")]
    [InlineData(ResponseFault.WrongMemberType, "EstimatedProgress")]
    [InlineData(ResponseFault.UnknownState, "State")]
    [InlineData(ResponseFault.ProgressAbove100, "EstimatedProgress")]
    [InlineData(ResponseFault.ProgressBelowZero, "EstimatedProgress")]
    [InlineData(ResponseFault.MissingStartTime, "StartTime")]
    public async Task DescribeExportJobAsync_BadBody_MalformedResponseNamingProblem(ResponseFault fault, string named)
    {
        await using var simulator = await StartAsync(fault);
        using var client = new WorkMailExportJobsClient(SimulatorClients.Settings(simulator));

        var exception = await Assert.ThrowsAsync<WorkMailException>(
            () => client.DescribeExportJobAsync(SimulatorClients.OrganizationId, JobId, CancellationToken.None));

        Assert.Equal(WorkMailErrorCodes.MalformedResponse, exception.ErrorCode);
        Assert.Equal(200, exception.StatusCode);
        Assert.Contains(named, exception.Message, StringComparison.Ordinal);
        Assert.Contains(WorkMailOperations.DescribeMailboxExportJob, exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ResponseFault.MalformedJson, "not valid JSON")]
    [InlineData(ResponseFault.TruncatedJson, "not valid JSON")]
    [InlineData(ResponseFault.WrongMemberType, "Jobs[0].EstimatedProgress")]
    [InlineData(ResponseFault.UnknownState, "Jobs[0].State")]
    [InlineData(ResponseFault.ProgressAbove100, "Jobs[0].EstimatedProgress")]
    [InlineData(ResponseFault.ProgressBelowZero, "Jobs[0].EstimatedProgress")]
    [InlineData(ResponseFault.MissingStartTime, "Jobs[0].StartTime")]
    public async Task ListExportJobsAsync_BadBody_MalformedResponseNamingProblem(ResponseFault fault, string named)
    {
        await using var simulator = await StartAsync(fault);
        using var client = new WorkMailExportJobsClient(SimulatorClients.Settings(simulator));

        var exception = await Assert.ThrowsAsync<WorkMailException>(
            () => client.ListExportJobsAsync(SimulatorClients.OrganizationId, null, 10, CancellationToken.None));

        Assert.Equal(WorkMailErrorCodes.MalformedResponse, exception.ErrorCode);
        Assert.Contains(named, exception.Message, StringComparison.Ordinal);
        Assert.Contains(WorkMailOperations.ListMailboxExportJobs, exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ResponseFault.TruncatedContentLength)]
    [InlineData(ResponseFault.ResetMidBody)]
    [InlineData(ResponseFault.CloseWithoutAnswer)]
    public async Task DescribeExportJobAsync_TransportFault_Network(ResponseFault fault)
    {
        await using var simulator = await StartAsync(fault);
        var attempts = 0;
        using var client = new WorkMailExportJobsClient(SimulatorClients.Settings(simulator) with
        {
            BeforeAttempt = _ =>
            {
                Interlocked.Increment(ref attempts);
                return ValueTask.CompletedTask;
            },
        });

        var exception = await Assert.ThrowsAsync<WorkMailException>(
            () => client.DescribeExportJobAsync(SimulatorClients.OrganizationId, JobId, CancellationToken.None));

        Assert.Equal(WorkMailErrorCodes.Network, exception.ErrorCode);
        Assert.Equal(fault == ResponseFault.CloseWithoutAnswer ? null : 200, exception.StatusCode);
        Assert.Contains("failed on the network", exception.Message, StringComparison.Ordinal);

        // AWSSDK.Core resends at once on a connection lost mid-answer, outside MaxAttempts (ten times by default,
        // observed); the client allows one such resend, and each goes through BeforeAttempt, i.e. the request budget.
        Assert.Equal(1 + AmazonWorkMailClientFactory.StaleConnectionRetries, simulator.Requests.Count("DescribeMailboxExportJob"));
        Assert.Equal(1 + AmazonWorkMailClientFactory.StaleConnectionRetries, attempts);
    }

    [Theory]
    [InlineData(ResponseFault.TruncatedContentLength)]
    [InlineData(ResponseFault.ResetMidBody)]
    [InlineData(ResponseFault.CloseWithoutAnswer)]
    public async Task ListExportJobsAsync_TransportFault_Network(ResponseFault fault)
    {
        await using var simulator = await StartAsync(fault);
        using var client = new WorkMailExportJobsClient(SimulatorClients.Settings(simulator));

        var exception = await Assert.ThrowsAsync<WorkMailException>(
            () => client.ListExportJobsAsync(SimulatorClients.OrganizationId, null, 10, CancellationToken.None));

        Assert.Equal(WorkMailErrorCodes.Network, exception.ErrorCode);
    }

    [Fact]
    public async Task DescribeExportJobAsync_TransportFaultThenRecovery_RetriedToSuccess()
    {
        await using var simulator = await StartAsync(ResponseFault.None);
        simulator.Faults.ResponseFault = ResponseFault.ResetMidBody;
        simulator.Faults.ResponseFaultJobId = JobId;
        using var client = new WorkMailExportJobsClient(SimulatorClients.Settings(simulator));
        var first = await Assert.ThrowsAsync<WorkMailException>(
            () => client.DescribeExportJobAsync(SimulatorClients.OrganizationId, JobId, CancellationToken.None));

        simulator.Faults.Reset();
        var job = await client.DescribeExportJobAsync(SimulatorClients.OrganizationId, JobId, CancellationToken.None);

        Assert.Equal(WorkMailErrorCodes.Network, first.ErrorCode);
        Assert.Equal(JobId, job.JobId);
    }

    [Theory]
    [InlineData(CredentialFault.UnrecognizedClient, "UnrecognizedClientException")]
    [InlineData(CredentialFault.ExpiredToken, "ExpiredTokenException")]
    [InlineData(CredentialFault.AccessDenied, "AccessDeniedException")]
    public async Task DescribeAndList_CredentialFault_ItsOwnErrorCode(CredentialFault fault, string code)
    {
        await using var simulator = await StartAsync(ResponseFault.None);
        simulator.Faults.CredentialFault = fault;
        using var client = new WorkMailExportJobsClient(SimulatorClients.Settings(simulator, maxAttempts: 3));

        var describe = await Assert.ThrowsAsync<WorkMailException>(
            () => client.DescribeExportJobAsync(SimulatorClients.OrganizationId, JobId, CancellationToken.None));
        var list = await Assert.ThrowsAsync<WorkMailException>(
            () => client.ListExportJobsAsync(SimulatorClients.OrganizationId, null, 10, CancellationToken.None));

        Assert.All([describe, list], e =>
        {
            Assert.Equal(code, e.ErrorCode);
            Assert.Equal(403, e.StatusCode);
            Assert.Contains(code, e.Message, StringComparison.Ordinal);
        });
    }

    internal static async Task<WorkMailSimulator> StartAsync(ResponseFault fault)
    {
        var simulator = await SimulatorClients.StartAsync();
        simulator.Store.AddJob(SimulatorClients.OrganizationId, new SimulatedJob { JobId = JobId, Duration = TimeSpan.FromHours(1) });
        simulator.Faults.ResponseFault = fault;
        return simulator;
    }
}
