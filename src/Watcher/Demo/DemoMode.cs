using System.Globalization;
using Watcher.Check;
using Watcher.Simulator;

namespace Watcher.Demo;

/// <summary>
/// <c>--simulate</c>: runs the WorkMail simulator in-process with a demo scenario and points Watcher at it,
/// so the whole thing can be seen working without AWS; with <c>check</c>, checks the demo's configuration against it.
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
        var demo = await DemoSimulator.StartAsync();
        demo.Configure(builder);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Watcher:PollInterval"] = DemoPollInterval.ToString("c", CultureInfo.InvariantCulture),
        });
        var spawner = JobSpawner.Start(demo.Simulator.Store, demo.DiscoveryOrganizationId, NewJobEvery);

        // Registered before Watcher's own services, so it stops after the last poll has.
        builder.Services.AddHostedService(_ => new DemoSimulatorLifetime(demo, spawner));

        Console.WriteLine($"Demo mode: WorkMail simulator at {demo.Simulator.ServiceUrl} ({demo.Simulator.Region}) with {Plural.Of(demo.Jobs.Count, "listed export job")}, and organization {demo.DiscoveryOrganizationId} ({DemoScenario.DiscoveryOrganizationAlias}) watched by discovery, where a new job starts every {NewJobEvery.TotalSeconds:0} seconds.");
        return demo.Simulator;
    }

    /// <summary><c>watcher check --simulate</c>: the real check (client, SigV4, report) against the demo's simulator.</summary>
    /// <returns>The check's exit code.</returns>
    public static async Task<int> CheckAsync(string[] args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        await using var demo = await DemoSimulator.StartAsync();
        await output.WriteLineAsync($"Demo mode: checking the demo's configuration against the built-in WorkMail simulator at {demo.Simulator.ServiceUrl} ({demo.Simulator.Region}).");
        return await CheckCommand.RunAsync(args, output, demo.Configure);
    }
}
