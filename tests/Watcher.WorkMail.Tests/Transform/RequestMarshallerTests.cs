using System.Text;
using System.Text.Json;
using Watcher.WorkMail.Client.Model;
using Watcher.WorkMail.Client.Transform;

namespace Watcher.WorkMail.Tests.Transform;

public sealed class RequestMarshallerTests
{
    [Fact]
    public void Marshall_Describe_WritesTargetContentTypeAndBody()
    {
        var request = DescribeMailboxExportJobRequestMarshaller.Instance.Marshall(
            new DescribeMailboxExportJobRequest { OrganizationId = "m-0123456789abcdef0123456789abcdef", JobId = "job-1" });

        Assert.Equal("POST", request.HttpMethod);
        Assert.Equal("/", request.ResourcePath);
        Assert.Equal("WorkMailService.DescribeMailboxExportJob", request.Headers["X-Amz-Target"]);
        Assert.Equal("application/x-amz-json-1.1", request.Headers["Content-Type"]);
        Assert.Equal(
            """{"JobId":"job-1","OrganizationId":"m-0123456789abcdef0123456789abcdef"}""",
            Encoding.UTF8.GetString(request.Content));
    }

    [Fact]
    public void Marshall_ListWithToken_WritesAllMembers()
    {
        var request = ListMailboxExportJobsRequestMarshaller.Instance.Marshall(
            new ListMailboxExportJobsRequest { OrganizationId = "m-0123456789abcdef0123456789abcdef", NextToken = "tok/+=", MaxResults = 50 });

        Assert.Equal("WorkMailService.ListMailboxExportJobs", request.Headers["X-Amz-Target"]);
        Assert.Equal("application/x-amz-json-1.1", request.Headers["Content-Type"]);
        using var body = JsonDocument.Parse(request.Content);
        Assert.Equal(50, body.RootElement.GetProperty("MaxResults").GetInt32());
        Assert.Equal("tok/+=", body.RootElement.GetProperty("NextToken").GetString());
        Assert.Equal("m-0123456789abcdef0123456789abcdef", body.RootElement.GetProperty("OrganizationId").GetString());
    }

    [Fact]
    public void Marshall_ListWithoutTokenOrMax_OmitsThem()
    {
        var request = ListMailboxExportJobsRequestMarshaller.Instance.Marshall(
            new ListMailboxExportJobsRequest { OrganizationId = "m-0123456789abcdef0123456789abcdef" });

        Assert.Equal("""{"OrganizationId":"m-0123456789abcdef0123456789abcdef"}""", Encoding.UTF8.GetString(request.Content));
    }

    [Fact]
    public void Marshall_ValueNeedingEscapes_IsValidJson()
    {
        var request = DescribeMailboxExportJobRequestMarshaller.Instance.Marshall(
            new DescribeMailboxExportJobRequest { OrganizationId = "m-\"quoted\"\\", JobId = "job\n1" });

        using var body = JsonDocument.Parse(request.Content);
        Assert.Equal("m-\"quoted\"\\", body.RootElement.GetProperty("OrganizationId").GetString());
        Assert.Equal("job\n1", body.RootElement.GetProperty("JobId").GetString());
    }
}
