using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Watcher.Clients;
using Watcher.Configuration;
using Watcher.Health;
using Watcher.Jobs;
using Watcher.Metrics;
using Watcher.Simulator;
using Watcher.Tests.Support;
using Watcher.WorkMail;

namespace Watcher.Tests.Clients;

public sealed class WorkMailClientsTests : IAsyncLifetime, IDisposable
{
    private readonly TestMeterFactory _meters = new();
    private WorkMailSimulator _simulator = null!;

    public async Task InitializeAsync() => _simulator = await WorkMailSimulator.StartAsync(new SimulatorOptions());

    public async Task DisposeAsync() => await _simulator.DisposeAsync();

    public void Dispose() => _meters.Dispose();

    [Fact]
    public async Task DescribeExportJobAsync_WhenServerErrorsSpendTheRetryQuota_CountsEachRefusedRetry()
    {
        // The SDK's quota: 500 tokens per endpoint for the process, 14 per retry of a 5xx. A path of the test's own
        // gives it an endpoint, and so a bucket, that no other test drains or finds drained.
        var options = Options.Create(new WatcherOptions
        {
            Aws = new AwsOptions
            {
                Region = _simulator.Region,
                ServiceUrl = new Uri(_simulator.ServiceUrl, $"quota-{Guid.NewGuid():N}/").ToString(),
                MaxAttempts = 2,
                MaxRequestsPerSecond = 10_000,
            },
        });
        var metrics = new WatcherMetrics(_meters, new ExportJobStore(), new OrganizationStore(), options);
        using var retries = new MetricCollector<long>(_meters, WatcherMetrics.MeterName, "workmail.api.request_retries");
        using var refused = new MetricCollector<long>(_meters, WatcherMetrics.MeterName, "workmail.api.request_retries_refused");
        using var clients = new WorkMailClients(
            options,
            new EnvironmentRegionSource(),
            metrics,
            new ApiActivity(TimeProvider.System),
            new CredentialHealth(TimeProvider.System, new LastGoodWatcherOptions(options), NullLogger<CredentialHealth>.Instance),
            TimeProvider.System,
            new WorkMailStaticCredentials(_simulator.Credentials.AccessKeyId, _simulator.Credentials.SecretAccessKey));
        _simulator.Faults.ServerErrorRatio = 1.0;
        const int calls = 40;

        for (var i = 0; i < calls; i++)
        {
            await Assert.ThrowsAsync<WorkMailException>(() => clients.OwnRegion.DescribeExportJobAsync(TestJobs.Org, "job-1", CancellationToken.None));
        }

        Assert.Equal(35, retries.GetMeasurementSnapshot().Sum(m => m.Value));
        var refusals = refused.GetMeasurementSnapshot();
        Assert.Equal(calls - 35, refusals.Sum(m => m.Value));
        Assert.All(refusals, m =>
        {
            Assert.Equal(WorkMailOperations.DescribeMailboxExportJob, m.Tags["operation"]);
            Assert.Equal(TestJobs.Org, m.Tags["organization_id"]);
            Assert.Contains(m.Tags["error_code"], new object[] { "InternalFailure", "ServiceUnavailable" });
        });
    }
}
