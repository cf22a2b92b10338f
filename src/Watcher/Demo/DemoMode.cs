using Watcher.Simulator;
using Watcher.WorkMail;

namespace Watcher.Demo;

/// <summary>
/// <c>--simulate</c>: runs the WorkMail simulator in-process with a demo scenario and points Watcher at it,
/// so the whole thing can be seen working without AWS.
/// </summary>
public static class DemoMode
{
    public const string Flag = "--simulate";

    /// <summary>Polls often enough that the demo visibly moves.</summary>
    private static readonly TimeSpan DemoPollInterval = TimeSpan.FromSeconds(15);

    private static readonly TimeSpan NewJobEvery = TimeSpan.FromSeconds(30);

    /// <summary>Starts the simulator, seeds the demo scenario and configures Watcher to watch it.</summary>
    public static async Task<WorkMailSimulator> AddDemoSimulatorAsync(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var simulator = await WorkMailSimulator.StartAsync(new SimulatorOptions());
        var jobs = DemoScenario.Seed(simulator.Store);
        var discovered = DemoScenario.SeedDiscovery(simulator.Store);
        var spawner = JobSpawner.Start(simulator.Store, discovered, NewJobEvery);

        var settings = new Dictionary<string, string?>
        {
            ["Watcher:Aws:Region"] = simulator.Region,
            ["Watcher:Aws:ServiceUrl"] = simulator.ServiceUrl.ToString(),
            ["Watcher:PollInterval"] = DemoPollInterval.ToString("c", System.Globalization.CultureInfo.InvariantCulture),
        };
        settings["Watcher:Organizations:0:OrganizationId"] = discovered;
        settings["Watcher:Organizations:0:Alias"] = DemoScenario.DiscoveryOrganizationAlias;
        for (var i = 0; i < jobs.Count; i++)
        {
            settings[$"Watcher:Jobs:{i}:OrganizationId"] = jobs[i].OrganizationId;
            settings[$"Watcher:Jobs:{i}:JobId"] = jobs[i].JobId;
        }

        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSingleton(new WorkMailStaticCredentials(simulator.Credentials.AccessKeyId, simulator.Credentials.SecretAccessKey));

        // Registered before Watcher's own services, so it stops after the last poll has.
        builder.Services.AddHostedService(_ => new DemoSimulatorLifetime(simulator, spawner));

        Console.WriteLine($"Demo mode: WorkMail simulator at {simulator.ServiceUrl} ({simulator.Region}) with {Plural.Of(jobs.Count, "listed export job")}, and organization {discovered} ({DemoScenario.DiscoveryOrganizationAlias}) watched by discovery, where a new job starts every {NewJobEvery.TotalSeconds:0} seconds.");
        return simulator;
    }
}
