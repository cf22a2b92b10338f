using Watcher.Simulator.Sts;

namespace Watcher.Simulator;

/// <summary>The roles AssumeRole accepts, keyed by ARN. Thread-safe; changes apply to the next request.</summary>
public sealed class SimulatorRoles
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, SimulatorRole> _roles = new(StringComparer.Ordinal);

    /// <summary>A snapshot.</summary>
    public IReadOnlyList<SimulatorRole> All
    {
        get
        {
            lock (_gate)
            {
                return [.. _roles.Values];
            }
        }
    }

    /// <summary>Adds or replaces the role with this ARN.</summary>
    /// <exception cref="ArgumentException">The ARN is not an IAM role ARN, or the external id is outside 2..1224 characters.</exception>
    public void Add(SimulatorRole role)
    {
        ArgumentNullException.ThrowIfNull(role);
        if (!RoleArns.IsValid(role.RoleArn))
        {
            throw new ArgumentException($"RoleArn '{role.RoleArn}' is not an IAM role ARN (arn:aws:iam::<12 digits>:role/<name>).", nameof(role));
        }

        if (role.RequiredExternalId is { } externalId && !AssumeRoleParameters.IsValidExternalId(externalId))
        {
            throw new ArgumentException("RequiredExternalId must be 2 to 1224 characters of [\\w+=,.@:/-].", nameof(role));
        }

        lock (_gate)
        {
            _roles[role.RoleArn] = role;
        }
    }

    public bool Remove(string roleArn)
    {
        lock (_gate)
        {
            return _roles.Remove(roleArn);
        }
    }

    internal SimulatorRole? Find(string roleArn)
    {
        lock (_gate)
        {
            return _roles.GetValueOrDefault(roleArn);
        }
    }
}
