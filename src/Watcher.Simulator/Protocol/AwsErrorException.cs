namespace Watcher.Simulator.Protocol;

/// <summary>Ends an operation with an error answer.</summary>
internal sealed class AwsErrorException(AwsError error) : Exception(error.Message)
{
    public AwsError Error { get; } = error;
}
