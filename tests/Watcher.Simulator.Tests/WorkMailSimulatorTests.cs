using System.Net.Sockets;
using Watcher.Simulator.Tests.Infrastructure;

namespace Watcher.Simulator.Tests;

public class WorkMailSimulatorTests
{
    [Fact]
    public async Task StartAsync_PortZero_ReportsBoundLoopbackUrl()
    {
        await using var simulator = await WorkMailSimulator.StartAsync(new SimulatorOptions { Region = "us-west-2" });

        Assert.Equal("127.0.0.1", simulator.ServiceUrl.Host);
        Assert.NotEqual(0, simulator.ServiceUrl.Port);
        Assert.Equal("/", simulator.ServiceUrl.AbsolutePath);
        Assert.Equal("us-west-2", simulator.Region);
        Assert.Equal(SimulatorCredentials.Default, simulator.Credentials);
        Assert.Empty(simulator.Store.OrganizationIds);
    }

    [Fact]
    public async Task DisposeAsync_Started_StopsListeningAndIsIdempotent()
    {
        var simulator = await WorkMailSimulator.StartAsync(new SimulatorOptions());
        var port = simulator.ServiceUrl.Port;

        await simulator.DisposeAsync();
        await simulator.DisposeAsync();

        using var socket = new TcpClient();
        await Assert.ThrowsAnyAsync<SocketException>(() => socket.ConnectAsync("127.0.0.1", port));
    }

    [Theory]
    [InlineData("https://127.0.0.1:0")]
    [InlineData("http://example.com:0")]
    [InlineData("not a url")]
    public async Task StartAsync_UnsupportedListenUrl_ArgumentException(string url)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => WorkMailSimulator.StartAsync(new SimulatorOptions { ListenUrl = url }));
    }

    [Fact]
    public async Task StartAsync_NoCredentials_ArgumentException()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => WorkMailSimulator.StartAsync(new SimulatorOptions { Credentials = [] }));
    }

    [Fact]
    public async Task StartAsync_TwoSimulators_IndependentStores()
    {
        await using var first = await SimulatorHarness.StartAsync();
        await using var second = await WorkMailSimulator.StartAsync(new SimulatorOptions());

        Assert.NotEqual(first.Simulator.ServiceUrl, second.ServiceUrl);
        Assert.Single(first.Store.OrganizationIds);
        Assert.Empty(second.Store.OrganizationIds);
    }

    [Fact]
    public void SimulatorCredential_ToString_HidesSecret()
    {
        Assert.DoesNotContain(SimulatorCredentials.Default.SecretAccessKey, SimulatorCredentials.Default.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartupBanner_Render_ShowsEverythingClientsNeed()
    {
        await using var harness = await SimulatorHarness.StartAsync();

        var banner = StartupBanner.Render(harness.Simulator, [(TestData.OrganizationId, "job-1")]);

        Assert.Contains(harness.Simulator.ServiceUrl.ToString().TrimEnd('/'), banner, StringComparison.Ordinal);
        Assert.Contains(SimulatorCredentials.Default.AccessKeyId, banner, StringComparison.Ordinal);
        Assert.Contains(SimulatorCredentials.Default.SecretAccessKey, banner, StringComparison.Ordinal);
        Assert.Contains(TestData.OrganizationId, banner, StringComparison.Ordinal);
        Assert.Contains("job-1", banner, StringComparison.Ordinal);
        Assert.Contains("us-east-1", banner, StringComparison.Ordinal);
    }
}
