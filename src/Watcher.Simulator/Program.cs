using System.Runtime.InteropServices;

namespace Watcher.Simulator;

/// <summary>Runs the simulator on its own, so that any AWS CLI or SDK can be pointed at it.</summary>
internal static class Program
{
    // Often enough that a discovery poll every minute or so keeps finding new jobs.
    private static readonly TimeSpan SpawnEvery = TimeSpan.FromSeconds(30);

    public static async Task<int> Main(string[] args)
    {
        ProgramArguments arguments;
        try
        {
            arguments = ProgramArguments.Parse(args);
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync(e.Message + Environment.NewLine + ProgramArguments.Usage);
            return 2;
        }

        if (arguments.ShowHelp)
        {
            Console.WriteLine(ProgramArguments.Usage);
            return 0;
        }

        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stop.Cancel();
        });

        var options = new SimulatorOptions
        {
            ListenUrl = arguments.ListenUrl,
            Region = arguments.Region,
            ScenarioPath = arguments.ScenarioPath,
            MinimumLogLevel = LogLevel.Information,
        };
        WorkMailSimulator simulator;
        try
        {
            simulator = await WorkMailSimulator.StartAsync(options, cancellationToken: stop.Token);
        }
        catch (ScenarioException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 1;
        }

        await using (simulator)
        {
            await using var podIdentity = arguments.PodIdentity ? await PodIdentityLocally.StartAsync(simulator, stop.Token) : null;
            var demo = arguments.ScenarioPath is null;
            var jobs = demo
                ? DemoScenario.Seed(simulator.Store)
                : [.. simulator.Store.OrganizationIds.SelectMany(o => simulator.Store.JobIds(o).Select(j => (o, j)))];
            var discovery = demo ? DemoScenario.SeedDiscovery(simulator.Store) : null;
            using var spawner = discovery is null ? null : JobSpawner.Start(simulator.Store, discovery, SpawnEvery);
            Console.WriteLine(StartupBanner.Render(simulator, jobs, spawner, podIdentity));
            try
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, TimeProvider.System, stop.Token);
            }
            catch (OperationCanceledException)
            {
                Console.WriteLine("Stopping the WorkMail simulator.");
            }
        }

        return 0;
    }
}
