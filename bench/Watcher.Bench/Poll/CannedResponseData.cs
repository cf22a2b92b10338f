using Amazon.Runtime.Internal.Transform;

namespace Watcher.Bench.Poll;

/// <summary>A 200 answer's headers as the SDK's unmarshallers see them.</summary>
internal sealed class CannedResponseData(long length) : IWebResponseData
{
    public long ContentLength => length;

    public string ContentType => "application/x-amz-json-1.1";

    public System.Net.HttpStatusCode StatusCode => System.Net.HttpStatusCode.OK;

    public bool IsSuccessStatusCode => true;

    public IHttpResponseBody ResponseBody => throw new NotSupportedException();

    public string[] GetHeaderNames() => [];

    public bool IsHeaderPresent(string headerName) => false;

    public string GetHeaderValue(string headerName) => string.Empty;

    public bool IsEventHeaderPresent(string headerName) => false;

    public Amazon.Runtime.EventStreams.IEventStreamHeader GetEventStreamHeader(string headerName) => throw new NotSupportedException();
}
