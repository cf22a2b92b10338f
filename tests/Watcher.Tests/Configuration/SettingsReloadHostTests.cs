using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Watcher.Configuration;
using Watcher.Simulator;
using Watcher.Testing.Hosting;
using Watcher.Tests.Support;

namespace Watcher.Tests.Configuration;

/// <summary>The real app on real time, its appsettings.json written in place, the way an editor or a sync tool may write it.</summary>
[Collection(SequentialHosts.Name)]
public sealed class SettingsReloadHostTests : IAsyncLifetime
{
    private const string Org = "m-00000000000000000000000000000abc";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private WorkMailSimulator _simulator = null!;

    public async Task InitializeAsync()
    {
        _simulator = await WorkMailSimulator.StartAsync(new SimulatorOptions());
        foreach (var id in new[] { "kept", "added" })
        {
            _simulator.Store.AddJob(Org, new SimulatedJob { JobId = id, StartOffset = TimeSpan.FromMinutes(-5), Duration = TimeSpan.FromHours(10), Outcome = SimulatedOutcome.RunForever });
        }
    }

    public async Task DisposeAsync() => await _simulator.DisposeAsync();

    [Fact]
    public async Task Reload_FileEditedInPlace_AppliesIt()
    {
        await using var host = await WatcherTestHost.StartAsync(_simulator, Settings("kept"));
        await host.WaitUntilReadyAsync(Timeout);

        Assert.True(await host.RewriteSettingsTextAsync(SettingsFile.Render(Settings("kept", "added")), inPlace: true));

        await host.ScrapeUntilAsync(s => s.For("workmail_export_job_state", "added").Any() && s.For("workmail_export_job_state", "kept").Any(), Timeout, "the added job's series");
    }

    [Fact]
    public async Task Reload_FileEmptiedInPlace_IsRejectedAndTheFileKeepsItsLastGoodSettingsLoggingIncluded()
    {
        await using var host = await WatcherTestHost.StartAsync(_simulator, Settings("kept"));
        await host.WaitUntilReadyAsync(Timeout);
        var configuration = host.Services.GetRequiredService<IConfiguration>();
        Assert.Equal("Warning", configuration["Logging:LogLevel:Default"]);

        Assert.False(await host.RewriteSettingsTextAsync(string.Empty, inPlace: true));

        Assert.Equal([$"{Path.Combine(host.ContentRoot, SettingsFile.Name)} is empty"], host.Services.GetRequiredService<SettingsFiles>().Problems);
        Assert.Equal("Warning", configuration["Logging:LogLevel:Default"]);
        Assert.Equal("kept", configuration["Watcher:Jobs:0:JobId"]);
        Assert.Equal("kept", Assert.Single(host.Services.GetRequiredService<LastGoodWatcherOptions>().Current.Jobs).JobId);
        Assert.NotEmpty((await host.ScrapeAsync()).For("workmail_export_job_state", "kept"));
    }

    private object Settings(params string[] jobIds) => new
    {
        Aws = new { Region = _simulator.Region, ServiceUrl = _simulator.ServiceUrl.ToString() },
        PollInterval = "00:00:10",
        Jobs = jobIds.Select(id => new { OrganizationId = Org, JobId = id }).ToArray(),
    };
}
