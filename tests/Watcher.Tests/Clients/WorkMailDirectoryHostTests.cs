using Microsoft.Extensions.DependencyInjection;
using Watcher.Clients;
using Watcher.Simulator;
using Watcher.Testing.Hosting;
using Watcher.Tests.Support;
using Watcher.WorkMail;
using Watcher.WorkMail.Model;

namespace Watcher.Tests.Clients;

/// <summary>
/// The app's clients hand out a directory per organization the way they hand out export-job clients: same region,
/// same role (assumed once for both), metered under the operation's own name.
/// </summary>
[Collection(SequentialHosts.Name)]
public sealed class WorkMailDirectoryHostTests : IAsyncLifetime
{
    private const string Own = "m-000000000000000000000000000000d1";
    private const string Partner = "m-000000000000000000000000000000d2";
    private const string PartnerRole = "arn:aws:iam::444455556666:role/WatcherReader";
    private const string PartnerExternalId = "watcher-partner-2026";

    private WorkMailSimulator _simulator = null!;

    public async Task InitializeAsync()
    {
        _simulator = await WorkMailSimulator.StartAsync(new SimulatorOptions
        {
            AdditionalRegions = ["eu-west-1"],
            Roles = [new SimulatorRole(PartnerRole, PartnerExternalId)],
        });
        _simulator.Store.AddOrganization(Own, "own");
        _simulator.Store.AddOrganization(Partner, "partner", "eu-west-1");
        _simulator.Store.AddUsers(Own, Enumerable.Range(0, 150).Select(i => new SimulatedUser { Name = $"own{i}" }));
        _simulator.Store.AddUsers(Partner, Enumerable.Range(0, 30).Select(i => new SimulatedUser { Name = $"partner{i}" }));
        _simulator.Store.AddResources(Partner, [new SimulatedResource { Name = "boardroom" }]);
    }

    public async Task DisposeAsync() => await _simulator.DisposeAsync();

    [Fact]
    public async Task DirectoryForOrganization_OwnRegionAndRole_ListsEveryEntryMeteredUnderItsOperation()
    {
        await using var host = await WatcherTestHost.StartAsync(_simulator, Settings());
        await host.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
        var clients = host.Services.GetRequiredService<IWorkMailClients>();

        var own = await WorkMailDirectoryPaging.ListAllUsersAsync(clients.DirectoryForOrganization(null, null, null), Own, CancellationToken.None);
        var partnerDirectory = clients.DirectoryForOrganization("eu-west-1", PartnerRole, PartnerExternalId);
        var partner = await WorkMailDirectoryPaging.ListAllUsersAsync(partnerDirectory, Partner, CancellationToken.None);
        var rooms = await WorkMailDirectoryPaging.ListAllResourcesAsync(partnerDirectory, Partner, CancellationToken.None);

        Assert.Equal(150, own.Count);
        Assert.Equal(30, partner.Count);
        Assert.Equal(ResourceType.Room, Assert.Single(rooms).Type);

        // The partner's listings were signed with the role that discovery's export-job calls assumed: one AssumeRole for both.
        Assert.Equal(1, _simulator.Requests.Count("AssumeRole"));
        Assert.All(
            _simulator.Requests.All.Where(r => r.OrganizationId == Partner),
            r => Assert.StartsWith("arn:aws:sts::444455556666:assumed-role/WatcherReader/", r.AssumedRoleArn, StringComparison.Ordinal));
        Assert.NotNull(((WorkMailClients)clients).LimiterFor("eu-west-1"));

        var scrape = await host.ScrapeAsync();
        double Requests(string operation, string organizationId) => scrape.Named("workmail_api_requests_total")
            .Where(s => s["operation"] == operation && s["organization_id"] == organizationId).Sum(s => s.Value);
        Assert.Equal(2, Requests(WorkMailOperations.ListUsers, Own));
        Assert.Equal(1, Requests(WorkMailOperations.ListUsers, Partner));
        Assert.Equal(1, Requests(WorkMailOperations.ListResources, Partner));
        Assert.Contains(scrape.Named("workmail_api_request_duration_seconds_count"), s => s["operation"] == WorkMailOperations.ListResources);
    }

    [Fact]
    public async Task DirectoryForOrganization_UnknownOrganization_FailureCountedWithItsErrorCode()
    {
        await using var host = await WatcherTestHost.StartAsync(_simulator, Settings());
        await host.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
        var directory = host.Services.GetRequiredService<IWorkMailClients>().DirectoryForOrganization(null, null, null);
        const string Unknown = "m-000000000000000000000000000000ff";

        var exception = await Assert.ThrowsAsync<WorkMailException>(() => directory.ListResourcesAsync(Unknown, null, 100, CancellationToken.None));

        Assert.Equal(WorkMailErrorCodes.OrganizationNotFoundException, exception.ErrorCode);
        var scrape = await host.ScrapeAsync();
        var error = Assert.Single(scrape.Named("workmail_api_request_errors_total"), s => s["organization_id"] == Unknown);
        Assert.Equal((WorkMailOperations.ListResources, WorkMailErrorCodes.OrganizationNotFoundException, 1.0), (error["operation"], error["error_code"], error.Value));
    }

    private object Settings() => new
    {
        Aws = new { Region = _simulator.Region, ServiceUrl = _simulator.ServiceUrl.ToString(), StsServiceUrl = _simulator.ServiceUrl.ToString(), MaxRequestsPerSecond = 1000 },
        Organizations = new object[]
        {
            new { OrganizationId = Own, Alias = "own" },
            new { OrganizationId = Partner, Alias = "partner", Region = "eu-west-1", RoleArn = PartnerRole, ExternalId = PartnerExternalId },
        },
    };
}
