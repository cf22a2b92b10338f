using System.Text.Json;
using Watcher.Simulator;
using Watcher.WorkMail.Model;

namespace Watcher.WorkMail.Tests.Simulator;

public sealed class SimulatorProtocolTests
{
    [Fact]
    public async Task DescribeExportJobAsync_Request_CarriesTargetContentTypeBodyAndValidSignature()
    {
        await using var simulator = await SimulatorClients.StartAsync();
        simulator.Store.AddOrganization(SimulatorClients.OrganizationId);
        var jobId = simulator.Store.AddJob(SimulatorClients.OrganizationId, new SimulatedJob { JobId = "job-1", Duration = TimeSpan.FromHours(1) });
        using var client = new WorkMailExportJobsClient(SimulatorClients.Settings(simulator));

        await client.DescribeExportJobAsync(SimulatorClients.OrganizationId, jobId, CancellationToken.None);

        var request = Assert.Single(simulator.Requests.All);
        Assert.Equal(WorkMailOperations.DescribeMailboxExportJob, request.Operation);
        Assert.Equal("WorkMailService.DescribeMailboxExportJob", request.Target);
        Assert.Equal("application/x-amz-json-1.1", request.ContentType);
        Assert.Equal(SimulatorClients.OrganizationId, request.OrganizationId);
        Assert.Equal(simulator.Credentials.AccessKeyId, request.AccessKeyId);
        Assert.True(request.SignatureValid);
        Assert.Equal(200, request.StatusCode);
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal("job-1", body.RootElement.GetProperty("JobId").GetString());
        Assert.Equal(SimulatorClients.OrganizationId, body.RootElement.GetProperty("OrganizationId").GetString());
    }

    [Fact]
    public async Task ListExportJobsAsync_Request_CarriesTargetContentTypeBodyAndValidSignature()
    {
        await using var simulator = await SimulatorClients.StartAsync();
        simulator.Store.AddOrganization(SimulatorClients.OrganizationId);
        using var client = new WorkMailExportJobsClient(SimulatorClients.Settings(simulator));

        await client.ListExportJobsAsync(SimulatorClients.OrganizationId, null, 25, CancellationToken.None);

        var request = Assert.Single(simulator.Requests.All);
        Assert.Equal("WorkMailService.ListMailboxExportJobs", request.Target);
        Assert.Equal("application/x-amz-json-1.1", request.ContentType);
        Assert.True(request.SignatureValid);
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal(25, body.RootElement.GetProperty("MaxResults").GetInt32());
        Assert.False(body.RootElement.TryGetProperty("NextToken", out _));
    }

    [Fact]
    public async Task DescribeExportJobAsync_WrongSecret_InvalidSignatureException()
    {
        await using var simulator = await SimulatorClients.StartAsync();
        simulator.Store.AddOrganization(SimulatorClients.OrganizationId);
        var settings = SimulatorClients.Settings(simulator) with
        {
            Credentials = new WorkMailStaticCredentials(simulator.Credentials.AccessKeyId, "wrongSecretwrongSecretwrongSecretwrongSe"),
        };
        using var client = new WorkMailExportJobsClient(settings);

        var exception = await Assert.ThrowsAsync<WorkMailException>(
            () => client.DescribeExportJobAsync(SimulatorClients.OrganizationId, "job-1", CancellationToken.None));

        Assert.Equal("InvalidSignatureException", exception.ErrorCode);
        Assert.Equal(403, exception.StatusCode);
        Assert.False(Assert.Single(simulator.Requests.All).SignatureValid);
        Assert.DoesNotContain("wrongSecret", exception.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DescribeExportJobAsync_TimestampsWithFractions_ParseToUtc()
    {
        var clock = SimulatorClients.Clock();
        await using var simulator = await SimulatorClients.StartAsync(clock);
        simulator.Store.AddOrganization(SimulatorClients.OrganizationId);
        var jobId = simulator.Store.AddJob(SimulatorClients.OrganizationId, new SimulatedJob
        {
            StartOffset = TimeSpan.FromMinutes(-20),
            Duration = TimeSpan.FromMinutes(10),
        });
        using var client = new WorkMailExportJobsClient(SimulatorClients.Settings(simulator));

        var job = await client.DescribeExportJobAsync(SimulatorClients.OrganizationId, jobId, CancellationToken.None);

        var expected = simulator.Store.Describe(SimulatorClients.OrganizationId, jobId)!;
        Assert.Equal(ExportJobState.Completed, job.State);
        Assert.Equal(100, job.EstimatedProgress);
        Assert.Equal(expected.StartTime, job.StartTime);
        Assert.Equal(expected.EndTime, job.EndTime);
        Assert.Equal(123, job.StartTime.Millisecond);
        Assert.Equal(TimeSpan.Zero, job.StartTime.Offset);
        Assert.Equal(TimeSpan.Zero, job.EndTime!.Value.Offset);
        Assert.Equal(clock.GetUtcNow().AddMinutes(-20), job.StartTime);
    }

    [Fact]
    public async Task DescribeExportJobAsync_RunningJob_MapsSimulatorView()
    {
        var clock = SimulatorClients.Clock();
        await using var simulator = await SimulatorClients.StartAsync(clock);
        simulator.Store.AddOrganization(SimulatorClients.OrganizationId);
        var jobId = simulator.Store.AddJob(SimulatorClients.OrganizationId, new SimulatedJob
        {
            Description = "legal",
            StartOffset = TimeSpan.FromMinutes(-5),
            Duration = TimeSpan.FromMinutes(10),
        });
        using var client = new WorkMailExportJobsClient(SimulatorClients.Settings(simulator));

        var job = await client.DescribeExportJobAsync(SimulatorClients.OrganizationId, jobId, CancellationToken.None);

        var view = simulator.Store.Describe(SimulatorClients.OrganizationId, jobId)!;
        Assert.Equal(ExportJobState.Running, job.State);
        Assert.Equal(view.EstimatedProgress, job.EstimatedProgress);
        Assert.Equal(view.EntityId, job.EntityId);
        Assert.Equal("legal", job.Description);
        Assert.Equal(view.RoleArn, job.RoleArn);
        Assert.Equal(view.KmsKeyArn, job.KmsKeyArn);
        Assert.Equal(view.S3BucketName, job.S3BucketName);
        Assert.Equal(view.S3Prefix, job.S3Prefix);
        Assert.Equal(view.S3Path, job.S3Path);
        Assert.Null(job.EndTime);
    }
}
