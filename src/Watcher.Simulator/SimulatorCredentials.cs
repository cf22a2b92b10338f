namespace Watcher.Simulator;

/// <summary>Well-known credentials of the simulator; they protect nothing and are meant to be shared.</summary>
public static class SimulatorCredentials
{
    public static SimulatorCredential Default { get; } =
        new("AKIASIMULATOR0000001", "SimulatorSecretKey0000000000000000000001");
}
