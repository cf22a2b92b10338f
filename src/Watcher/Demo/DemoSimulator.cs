using Watcher.Simulator;
using Watcher.WorkMail;

namespace Watcher.Demo;

/// <summary>
/// The built-in WorkMail simulator, seeded with the demo scenario, and the settings that point Watcher at it: what
/// the demo (<c>watcher --simulate</c>) and <c>watcher check --simulate</c> share, so that the check sees the
/// configuration the demo runs with.
/// </summary>
public sealed class DemoSimulator : IAsyncDisposable
{
    private DemoSimulator(WorkMailSimulator simulator, IReadOnlyList<(string OrganizationId, string JobId)> jobs, string discoveryOrganizationId)
    {
        Simulator = simulator;
        Jobs = jobs;
        DiscoveryOrganizationId = discoveryOrganizationId;
    }

    public WorkMailSimulator Simulator { get; }

    /// <summary>The jobs the demo lists explicitly in <c>Watcher:Jobs</c>.</summary>
    public IReadOnlyList<(string OrganizationId, string JobId)> Jobs { get; }

    /// <summary>The organization the demo watches by discovery, in <c>Watcher:Organizations</c>.</summary>
    public string DiscoveryOrganizationId { get; }

    public static async Task<DemoSimulator> StartAsync()
    {
        var simulator = await WorkMailSimulator.StartAsync(new SimulatorOptions());
        return new DemoSimulator(simulator, DemoScenario.Seed(simulator.Store), DemoScenario.SeedDiscovery(simulator.Store));
    }

    /// <summary>Points Watcher at the simulator: its region, URL and keys, and the demo's jobs and organization.</summary>
    /// <remarks>Added last, so these settings win over the settings file, the environment and the command line.</remarks>
    public void Configure(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var settings = new Dictionary<string, string?>
        {
            ["Watcher:Aws:Region"] = Simulator.Region,
            ["Watcher:Aws:ServiceUrl"] = Simulator.ServiceUrl.ToString(),
            ["Watcher:Organizations:0:OrganizationId"] = DiscoveryOrganizationId,
            ["Watcher:Organizations:0:Alias"] = DemoScenario.DiscoveryOrganizationAlias,
        };
        for (var i = 0; i < Jobs.Count; i++)
        {
            settings[$"Watcher:Jobs:{i}:OrganizationId"] = Jobs[i].OrganizationId;
            settings[$"Watcher:Jobs:{i}:JobId"] = Jobs[i].JobId;
        }

        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSingleton(new WorkMailStaticCredentials(Simulator.Credentials.AccessKeyId, Simulator.Credentials.SecretAccessKey));
    }

    public ValueTask DisposeAsync() => Simulator.DisposeAsync();
}
