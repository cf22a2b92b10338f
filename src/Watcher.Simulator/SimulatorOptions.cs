namespace Watcher.Simulator;

/// <summary>Settings of one <see cref="WorkMailSimulator"/>.</summary>
public sealed class SimulatorOptions
{
    public string Region { get; set; } = "us-east-1";

    /// <summary>More regions the listener answers for (SigV4 scope of workmail and sts). An organization is only
    /// found through requests signed for its own region, as with the real regional endpoints.</summary>
    public List<string> AdditionalRegions { get; set; } = [];

    /// <summary>Keys the SigV4 check accepts. The first one is <see cref="WorkMailSimulator.Credentials"/>.</summary>
    public List<SimulatorCredential> Credentials { get; set; } = [SimulatorCredentials.Default];

    /// <summary>Roles the STS AssumeRole endpoint lets the configured keys assume; seeds <see cref="WorkMailSimulator.Roles"/>.</summary>
    public List<SimulatorRole> Roles { get; set; } = [];

    /// <summary>Kestrel listen URL (http only); port 0 picks a free port.</summary>
    public string ListenUrl { get; set; } = "http://127.0.0.1:0";

    /// <summary>Optional scenario file (JSON) that seeds organizations and jobs.</summary>
    public string? ScenarioPath { get; set; }

    /// <summary>How long a job started through StartMailboxExportJob takes to complete.</summary>
    public TimeSpan StartedJobDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>When set, StartMailboxExportJob answers LimitExceededException once this many jobs run in the organization.</summary>
    public int? MaxRunningJobsPerOrganization { get; set; }

    /// <summary>When set, requests whose X-Amz-Date is further than this from the simulator's clock are rejected.</summary>
    /// <remarks>Off by default: tests often drive the simulator with a fake clock while clients sign with the real one.</remarks>
    public TimeSpan? MaxClockSkew { get; set; }

    /// <summary>Seed of the random source behind the fault ratios, so that runs repeat.</summary>
    public int FaultSeed { get; set; } = SimulatorFaults.DefaultSeed;

    /// <summary>Console log level of the embedded host.</summary>
    public LogLevel MinimumLogLevel { get; set; } = LogLevel.Warning;
}
