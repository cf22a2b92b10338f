using System.Net;

namespace Watcher.WorkMail.Tests.Support;

/// <summary>What <see cref="CannedHttpServer"/> answers to one request.</summary>
public sealed record CannedResponse(HttpStatusCode Status, string Body, string ContentType = "application/x-amz-json-1.1")
{
    public TimeSpan Delay { get; init; }

    public static CannedResponse Ok(string body) => new(HttpStatusCode.OK, body);

    public static CannedResponse Error(HttpStatusCode status, string type, string message = "canned error") =>
        new(status, $$"""{"__type":"{{type}}","Message":"{{message}}"}""");
}
