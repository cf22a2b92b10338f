using System.Collections.Concurrent;
using System.Diagnostics;
using Watcher.Simulator;

namespace Watcher.WorkMail.Tests.Simulator;

public sealed class SimulatorRetryTests
{
    [Fact]
    public async Task DescribeExportJobAsync_AlwaysThrottled_ThreeAttemptsTwoRetries()
    {
        await using var simulator = await SimulatorClients.StartAsync();
        simulator.Store.AddOrganization(SimulatorClients.OrganizationId);
        simulator.Faults.ThrottleRatio = 1;
        var retries = new ConcurrentQueue<WorkMailRetry>();
        using var client = new WorkMailExportJobsClient(SimulatorClients.Settings(simulator, maxAttempts: 3) with { OnRetry = retries.Enqueue });

        var exception = await Assert.ThrowsAsync<WorkMailException>(
            () => client.DescribeExportJobAsync(SimulatorClients.OrganizationId, "job-1", CancellationToken.None));

        Assert.Equal("ThrottlingException", exception.ErrorCode);
        Assert.Equal(400, exception.StatusCode);
        Assert.Equal(3, simulator.Requests.Count(WorkMailOperations.DescribeMailboxExportJob, SimulatorClients.OrganizationId));
        Assert.Equal(2, retries.Count);
        Assert.All(retries, retry => Assert.Equal(
            new WorkMailRetry(WorkMailOperations.DescribeMailboxExportJob, SimulatorClients.OrganizationId, "ThrottlingException"), retry));
    }

    [Fact]
    public async Task ListExportJobsAsync_AlwaysServerError_ThreeAttemptsTwoRetries()
    {
        await using var simulator = await SimulatorClients.StartAsync();
        simulator.Store.AddOrganization(SimulatorClients.OrganizationId);
        simulator.Faults.ServerErrorRatio = 1;
        var retries = new ConcurrentQueue<WorkMailRetry>();
        using var client = new WorkMailExportJobsClient(SimulatorClients.Settings(simulator, maxAttempts: 3) with { OnRetry = retries.Enqueue });

        var exception = await Assert.ThrowsAsync<WorkMailException>(
            () => client.ListExportJobsAsync(SimulatorClients.OrganizationId, null, 10, CancellationToken.None));

        Assert.Contains(exception.ErrorCode, new[] { "InternalFailure", "ServiceUnavailable" });
        Assert.Contains(exception.StatusCode, new int?[] { 500, 503 });
        Assert.Equal(3, simulator.Requests.Count(WorkMailOperations.ListMailboxExportJobs));
        Assert.Equal(2, retries.Count);
        Assert.All(retries, retry =>
        {
            Assert.Equal(WorkMailOperations.ListMailboxExportJobs, retry.Operation);
            Assert.Equal(SimulatorClients.OrganizationId, retry.OrganizationId);
            Assert.Contains(retry.ErrorCode, new[] { "InternalFailure", "ServiceUnavailable" });
        });
    }

    [Fact]
    public async Task DescribeExportJobAsync_SlowerThanRequestTimeout_ErrorCodeTimeout()
    {
        await using var simulator = await SimulatorClients.StartAsync();
        simulator.Store.AddOrganization(SimulatorClients.OrganizationId);
        var jobId = simulator.Store.AddJob(SimulatorClients.OrganizationId, new SimulatedJob { Duration = TimeSpan.FromHours(1) });
        simulator.Faults.AddedLatency = TimeSpan.FromSeconds(3);
        using var client = new WorkMailExportJobsClient(SimulatorClients.Settings(simulator) with { RequestTimeout = TimeSpan.FromMilliseconds(300) });

        var exception = await Assert.ThrowsAsync<WorkMailException>(
            () => client.DescribeExportJobAsync(SimulatorClients.OrganizationId, jobId, CancellationToken.None));

        Assert.Equal(WorkMailErrorCodes.Timeout, exception.ErrorCode);
    }

    [Fact]
    public async Task DescribeExportJobAsync_Throttled_RetriesAfterJitteredExponentialBackoff()
    {
        await using var simulator = await SimulatorClients.StartAsync();
        simulator.Store.AddOrganization(SimulatorClients.OrganizationId);
        simulator.Faults.ThrottleRatio = 1;
        var attempts = new ConcurrentQueue<(int Call, long At)>();
        var call = 0;
        using var client = new WorkMailExportJobsClient(SimulatorClients.Settings(simulator, maxAttempts: 3) with
        {
            BeforeAttempt = _ =>
            {
                attempts.Enqueue((Volatile.Read(ref call), Stopwatch.GetTimestamp()));
                return ValueTask.CompletedTask;
            },
        });

        const int Calls = 16;
        for (call = 0; call < Calls; call++)
        {
            await Assert.ThrowsAsync<WorkMailException>(() => client.DescribeExportJobAsync(SimulatorClients.OrganizationId, "job-1", CancellationToken.None));
        }

        var waits = attempts.GroupBy(a => a.Call)
            .Select(g => g.Select(a => a.At).ToArray())
            .Select(at => (First: Stopwatch.GetElapsedTime(at[0], at[1]), Second: Stopwatch.GetElapsedTime(at[1], at[2])))
            .ToList();
        Assert.Equal(Calls, waits.Count);

        // Full jitter: each wait is drawn at random below a cap that doubles with every attempt, so the waits
        // spread out instead of all clients retrying in lockstep, and a second retry waits longer on average.
        var first = waits.Select(w => w.First.TotalMilliseconds).ToList();
        var second = waits.Select(w => w.Second.TotalMilliseconds).ToList();
        var observed = string.Join(" ", waits.Select(w => $"{w.First.TotalMilliseconds:F0}/{w.Second.TotalMilliseconds:F0}"));
        Assert.True(first.Max() - first.Min() >= 100, $"first waits barely differ (ms, first/second): {observed}");
        Assert.True(second.Average() > first.Average(), $"second waits are not longer on average (ms): {observed}");
        Assert.All(waits, w => Assert.InRange(w.Second, TimeSpan.Zero, TimeSpan.FromSeconds(20)));
    }
}
