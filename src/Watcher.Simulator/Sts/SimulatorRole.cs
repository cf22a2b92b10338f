namespace Watcher.Simulator;

/// <summary>A role that the simulator's STS AssumeRole lets the simulator's keys assume.</summary>
/// <param name="RoleArn">An IAM role ARN, <c>arn:aws:iam::123456789012:role/Name</c> (a path is allowed).</param>
/// <param name="RequiredExternalId">When set, AssumeRole must carry exactly this ExternalId.</param>
public sealed record SimulatorRole(string RoleArn, string? RequiredExternalId = null)
{
    // The external id is a shared secret between accounts; keep it out of logs and test output.
    public override string ToString() =>
        $"SimulatorRole {{ RoleArn = {RoleArn}, RequiresExternalId = {RequiredExternalId is not null} }}";
}
