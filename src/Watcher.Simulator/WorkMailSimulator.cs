using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Watcher.Simulator.Auth;
using Watcher.Simulator.Hosting;
using Watcher.Simulator.Operations;
using Watcher.Simulator.Sts;

namespace Watcher.Simulator;

/// <summary>An Amazon WorkMail API (mailbox export jobs) served over loopback HTTP, for tests and demos.</summary>
public sealed partial class WorkMailSimulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly IssuedCredentials _issued;
    private readonly LogLevel _minimumLogLevel;
    private int _disposed;

    private WorkMailSimulator(WebApplication app, Uri serviceUrl, SimulatorOptions options, SimulatorStore store, SimulatorFaults faults, SimulatorRequestLog requests, SimulatorRoles roles, IssuedCredentials issued)
    {
        _app = app;
        _issued = issued;
        _minimumLogLevel = options.MinimumLogLevel;
        ServiceUrl = serviceUrl;
        Region = options.Region;
        Regions = [options.Region, .. options.AdditionalRegions.Where(r => r != options.Region).Distinct(StringComparer.Ordinal)];
        Credentials = options.Credentials[0];
        Store = store;
        Faults = faults;
        Requests = requests;
        Roles = roles;
    }

    public Uri ServiceUrl { get; }

    public string Region { get; }

    /// <summary>Every region requests may be signed for: <see cref="Region"/> first, then <see cref="SimulatorOptions.AdditionalRegions"/>.</summary>
    public IReadOnlyList<string> Regions { get; }

    /// <summary>The first accepted key pair.</summary>
    public SimulatorCredential Credentials { get; }

    public SimulatorStore Store { get; }

    public SimulatorFaults Faults { get; }

    public SimulatorRequestLog Requests { get; }

    /// <summary>Roles the STS AssumeRole endpoint (same URL, service <c>sts</c>) accepts; seeded from <see cref="SimulatorOptions.Roles"/>.</summary>
    public SimulatorRoles Roles { get; }

    /// <summary>Seeds from <see cref="SimulatorOptions.ScenarioPath"/> if set, then starts listening.</summary>
    /// <exception cref="ScenarioException">The scenario file is missing or invalid.</exception>
    public static async Task<WorkMailSimulator> StartAsync(
        SimulatorOptions options, TimeProvider? timeProvider = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Region);
        if (options.Credentials is not { Count: > 0 })
        {
            throw new ArgumentException("At least one credential is required.", nameof(options));
        }

        if (options.AdditionalRegions is null || options.AdditionalRegions.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("AdditionalRegions must be a list of non-blank region names.", nameof(options));
        }

        var endpoint = ListenEndpoint.Parse(options.ListenUrl);
        var time = timeProvider ?? TimeProvider.System;
        var store = new SimulatorStore(time);
        if (options.ScenarioPath is { } scenarioPath)
        {
            ScenarioLoader.LoadFile(store, scenarioPath);
        }

        var roles = new SimulatorRoles();
        foreach (var role in options.Roles)
        {
            roles.Add(role);
        }

        var faults = new SimulatorFaults(options.FaultSeed);
        var requests = new SimulatorRequestLog();
        var issued = new IssuedCredentials(time);
        var verifier = new SigV4Verifier(
            [.. options.Credentials], options.Region, timeProvider: time, maxClockSkew: options.MaxClockSkew, issued: issued,
            additionalRegions: [.. options.AdditionalRegions]);
        var app = BuildHost(options.MinimumLogLevel, endpoint);
        var handler = new RequestHandler(
            new OperationContext(store, options),
            faults,
            requests,
            verifier,
            new StsRequestHandler(roles, issued, verifier, requests, app.Services.GetRequiredService<ILogger<StsRequestHandler>>()),
            app.Services.GetRequiredService<ILogger<RequestHandler>>());
        app.Run(handler.HandleAsync);

        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        var serviceUrl = new Uri(address.TrimEnd('/') + "/");
        Log.Started(app.Services.GetRequiredService<ILogger<WorkMailSimulator>>(), serviceUrl, options.Region);
        return new WorkMailSimulator(app, serviceUrl, options, store, faults, requests, roles, issued);
    }

    /// <summary>Starts a stand-in for the EKS Pod Identity agent on a listener of its own, handing out keys this simulator
    /// accepts until they expire. The caller disposes it.</summary>
    /// <exception cref="ArgumentException">The token is empty, the role is not an IAM role ARN, or the lifetime is not positive.</exception>
    public Task<PodIdentityAgent> StartPodIdentityAgentAsync(PodIdentityAgentOptions options, CancellationToken cancellationToken = default) =>
        PodIdentityAgent.StartAsync(options, _issued, _minimumLogLevel, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    internal static WebApplication BuildHost(LogLevel minimumLogLevel, System.Net.IPEndPoint endpoint)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(WorkMailSimulator).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
        });

        // Embedded in another process, the simulator must not pick up that process's appsettings,
        // environment variables (ASPNETCORE_URLS, Logging__...) or command line.
        foreach (var source in builder.Configuration.Sources.Where(s => s is not Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource).ToList())
        {
            builder.Configuration.Sources.Remove(source);
        }

        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(minimumLogLevel);
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.Logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.TimestampFormat = "HH:mm:ss ";
        });

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(endpoint);
        });
        builder.Services.AddSingleton<IHostLifetime, NoopHostLifetime>();
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(5));
        return builder.Build();
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "WorkMail simulator listening on {ServiceUrl} (region {Region})")]
        public static partial void Started(ILogger logger, Uri serviceUrl, string region);
    }
}
