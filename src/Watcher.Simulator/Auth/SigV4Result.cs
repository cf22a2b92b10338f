using Watcher.Simulator.Protocol;

namespace Watcher.Simulator.Auth;

internal sealed record SigV4Result(string? AccessKeyId, AwsError? Error)
{
    public bool IsValid => Error is null;
}
