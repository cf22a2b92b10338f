using Microsoft.Extensions.Time.Testing;
using Watcher.Simulator;

namespace Watcher.WorkMail.Tests.Simulator;

/// <summary>Starts a simulator and builds clients pointed at it.</summary>
public static class SimulatorClients
{
    public const string OrganizationId = "m-00000000000000000000000000000001";

    /// <summary>A fake clock at real time (the simulator checks SigV4 clock skew against it), with a millisecond fraction.</summary>
    public static FakeTimeProvider Clock() =>
        new(DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds() * 1000 + 123));

    public static Task<WorkMailSimulator> StartAsync(TimeProvider? timeProvider = null) =>
        WorkMailSimulator.StartAsync(new SimulatorOptions(), timeProvider ?? Clock());

    public static WorkMailClientSettings Settings(WorkMailSimulator simulator, int maxAttempts = 1) => new()
    {
        Region = simulator.Region,
        ServiceUrl = simulator.ServiceUrl,
        Credentials = new WorkMailStaticCredentials(simulator.Credentials.AccessKeyId, simulator.Credentials.SecretAccessKey),
        MaxAttempts = maxAttempts,
        RequestTimeout = TimeSpan.FromSeconds(5),
    };
}
