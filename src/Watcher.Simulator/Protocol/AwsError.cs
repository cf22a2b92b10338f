namespace Watcher.Simulator.Protocol;

/// <summary>An error answer. Modeled WorkMail errors carry the service's shape namespace in <c>__type</c>.</summary>
internal sealed record AwsError(string Code, string Message, int StatusCode, bool Modeled = false)
{
    public const string WorkMailNamespace = "com.amazonaws.workmail#";

    public string TypeName => Modeled ? WorkMailNamespace + Code : Code;
}
