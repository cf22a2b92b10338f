using System.Net;
using Amazon.Runtime.Internal.Transform;

namespace Watcher.WorkMail.Tests.Fuzz;

/// <summary>The response headers an unmarshaller sees; the body is given to the context separately.</summary>
internal sealed class FuzzResponseData(HttpStatusCode status, long contentLength) : IWebResponseData
{
    public long ContentLength => contentLength;

    public string ContentType => "application/x-amz-json-1.1";

    public HttpStatusCode StatusCode => status;

    public bool IsSuccessStatusCode => (int)status is >= 200 and < 300;

    public IHttpResponseBody ResponseBody => throw new NotSupportedException("The fuzz tests hand the body to the context directly.");

    public string[] GetHeaderNames() => ["x-amzn-RequestId"];

    public bool IsHeaderPresent(string headerName) => string.Equals(headerName, "x-amzn-RequestId", StringComparison.OrdinalIgnoreCase);

    public bool IsEventHeaderPresent(string headerName) => false;

    public Amazon.Runtime.EventStreams.IEventStreamHeader? GetEventStreamHeader(string headerName) => null;

    public string? GetHeaderValue(string headerName) => IsHeaderPresent(headerName) ? "fuzz-request-id" : null;
}
