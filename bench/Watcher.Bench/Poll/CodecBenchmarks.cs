using Amazon.Runtime.Internal.Transform;
using BenchmarkDotNet.Attributes;
using Watcher.WorkMail.Adapter;
using Watcher.WorkMail.Client.Model;
using Watcher.WorkMail.Client.Transform;
using Watcher.WorkMail.Model;

namespace Watcher.Bench.Poll;

/// <summary>
/// The CPU and allocation cost of one poll's own work, without the network: marshal the request, unmarshal the
/// answer and map it to Watcher's records.
/// </summary>
[MemoryDiagnoser]
public class CodecBenchmarks
{
    private byte[] _describe = [];
    private byte[] _listPage = [];

    [GlobalSetup]
    public void Setup()
    {
        _describe = WireBodies.Describe();
        _listPage = WireBodies.ListPage();
    }

    [Benchmark(Description = "describe: marshal + unmarshal + map")]
    public ExportJobDetails Describe()
    {
        var request = DescribeMailboxExportJobRequestMarshaller.Instance.Marshall(
            new DescribeMailboxExportJobRequest { OrganizationId = WireBodies.OrganizationId, JobId = WireBodies.JobId });
        var response = (DescribeMailboxExportJobResponse)Unmarshall(DescribeMailboxExportJobResponseUnmarshaller.Instance, _describe);
        GC.KeepAlive(request);
        return ExportJobMapper.ToDetails(WireBodies.OrganizationId, WireBodies.JobId, response);
    }

    [Benchmark(Description = "list page of 100: marshal + unmarshal + map")]
    public ExportJobPage ListPage()
    {
        var request = ListMailboxExportJobsRequestMarshaller.Instance.Marshall(
            new ListMailboxExportJobsRequest { OrganizationId = WireBodies.OrganizationId, NextToken = "eyJvIjoibS0wMTIzIn0=", MaxResults = 100 });
        var response = (ListMailboxExportJobsResponse)Unmarshall(ListMailboxExportJobsResponseUnmarshaller.Instance, _listPage);
        GC.KeepAlive(request);
        return ExportJobMapper.ToPage(response);
    }

    private static Amazon.Runtime.AmazonWebServiceResponse Unmarshall(JsonResponseUnmarshaller unmarshaller, byte[] body)
    {
        using var stream = new MemoryStream(body, writable: false);
        var context = new JsonUnmarshallerContext(stream, false, new CannedResponseData(body.Length), false, null);
        return unmarshaller.Unmarshall(context);
    }
}
