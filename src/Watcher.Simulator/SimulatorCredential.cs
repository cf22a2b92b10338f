namespace Watcher.Simulator;

/// <summary>An access key pair the simulator accepts.</summary>
public sealed record SimulatorCredential(string AccessKeyId, string SecretAccessKey)
{
    // The secret must never reach logs or test output through the record's generated ToString.
    public override string ToString() => $"SimulatorCredential {{ AccessKeyId = {AccessKeyId} }}";
}
