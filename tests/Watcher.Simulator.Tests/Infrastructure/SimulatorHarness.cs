using Microsoft.Extensions.Time.Testing;

namespace Watcher.Simulator.Tests.Infrastructure;

/// <summary>A started simulator on a fake clock with one organization, plus a client for it.</summary>
internal sealed class SimulatorHarness : IAsyncDisposable
{
    private SimulatorHarness(WorkMailSimulator simulator, FakeTimeProvider time)
    {
        Simulator = simulator;
        Time = time;
        Client = new WorkMailTestClient(simulator);
    }

    public WorkMailSimulator Simulator { get; }

    public FakeTimeProvider Time { get; }

    public WorkMailTestClient Client { get; }

    public SimulatorStore Store => Simulator.Store;

    public static async Task<SimulatorHarness> StartAsync(SimulatorOptions? options = null)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        var simulator = await WorkMailSimulator.StartAsync(options ?? new SimulatorOptions(), time);
        simulator.Store.AddOrganization(TestData.OrganizationId, "test");
        return new SimulatorHarness(simulator, time);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Simulator.DisposeAsync();
    }
}
