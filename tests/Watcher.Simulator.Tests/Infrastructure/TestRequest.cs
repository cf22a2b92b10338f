namespace Watcher.Simulator.Tests.Infrastructure;

/// <summary>A raw request to the simulator; every part can be broken on purpose.</summary>
internal sealed record TestRequest
{
    public string Method { get; init; } = "POST";

    public string Path { get; init; } = "/";

    public string? Target { get; init; }

    public string? ContentType { get; init; } = "application/x-amz-json-1.1";

    public string Body { get; init; } = "{}";

    public bool Sign { get; init; } = true;

    public string? AccessKeyId { get; init; }

    public string? SecretAccessKey { get; init; }

    public string? Region { get; init; }

    public string Service { get; init; } = "workmail";

    public string? SessionToken { get; init; }

    public bool SignSessionToken { get; init; } = true;

    /// <summary>Applied after signing, to tamper with a signed request.</summary>
    public Action<HttpRequestMessage>? AfterSigning { get; init; }
}
