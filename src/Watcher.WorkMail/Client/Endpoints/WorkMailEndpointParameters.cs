using Amazon.Runtime.Endpoints;

namespace Watcher.WorkMail.Client.Endpoints;

/// <summary>The inputs of WorkMail's endpoint rules.</summary>
internal sealed class WorkMailEndpointParameters : EndpointParameters
{
    public WorkMailEndpointParameters()
    {
        UseDualStack = false;
        UseFIPS = false;
    }

    /// <summary>The region the request goes to.</summary>
    public string? Region
    {
        get => (string?)this[nameof(Region)];
        set => this[nameof(Region)] = value;
    }

    /// <summary>Use the dual-stack (IPv4 and IPv6) endpoint.</summary>
    public bool? UseDualStack
    {
        get => (bool?)this[nameof(UseDualStack)];
        set => this[nameof(UseDualStack)] = value;
    }

    /// <summary>Use the FIPS 140-2 endpoint.</summary>
    public bool? UseFIPS
    {
        get => (bool?)this[nameof(UseFIPS)];
        set => this[nameof(UseFIPS)] = value;
    }

    /// <summary>A custom endpoint that overrides the rules.</summary>
    public string? Endpoint
    {
        get => (string?)this[nameof(Endpoint)];
        set => this[nameof(Endpoint)] = value;
    }
}
