using System.Text.Json;
using Watcher.Simulator.Tests.Infrastructure;

namespace Watcher.Simulator.Tests.Protocol;

public class ProtocolTests
{
    private const string ListTarget = "WorkMailService.ListMailboxExportJobs";
    private const string ListBody = """{"OrganizationId":"m-0123456789abcdef0123456789abcdef"}""";

    [Fact]
    public async Task Response_Success_HasAwsJsonContentTypeAndRequestId()
    {
        await using var harness = await SimulatorHarness.StartAsync();

        var response = await harness.Client.SendAsync(new TestRequest { Target = ListTarget, Body = ListBody });

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("application/x-amz-json-1.1", response.ContentType);
        Assert.True(Guid.TryParse(response.Headers.GetValues("x-amzn-RequestId").Single(), out _));
        Assert.Equal(JsonValueKind.Array, response.Json.GetProperty("Jobs").ValueKind);
    }

    [Fact]
    public async Task Response_Error_HasTypeAndMessageOnly()
    {
        await using var harness = await SimulatorHarness.StartAsync();

        var response = await harness.Client.SendAsync(new TestRequest { Target = ListTarget, Body = "{}" });

        Assert.Equal("application/x-amz-json-1.1", response.ContentType);
        Assert.Equal(["__type", "Message"], response.Json.EnumerateObject().Select(p => p.Name));
        Assert.Equal("com.amazonaws.workmail#InvalidParameterException", response.ErrorType);
        Assert.Equal("InvalidParameterException", response.Headers.GetValues("x-amzn-ErrorType").Single());
    }

    [Theory]
    [InlineData("GET", "/")]
    [InlineData("PUT", "/")]
    [InlineData("POST", "/jobs")]
    public async Task Request_NotPostToRoot_400UnknownOperation(string method, string path)
    {
        await using var harness = await SimulatorHarness.StartAsync();

        var response = await harness.Client.SendAsync(new TestRequest { Method = method, Path = path, Target = ListTarget, Body = ListBody });

        Assert.Equal(400, response.StatusCode);
        Assert.Equal("UnknownOperationException", response.ErrorType);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/x-amz-json-1.0")]
    [InlineData("text/plain")]
    [InlineData(null)]
    public async Task Request_WrongContentType_400UnknownOperation(string? contentType)
    {
        await using var harness = await SimulatorHarness.StartAsync();

        var response = await harness.Client.SendAsync(new TestRequest { Target = ListTarget, Body = ListBody, ContentType = contentType });

        Assert.Equal(400, response.StatusCode);
        Assert.Equal("UnknownOperationException", response.ErrorType);
        Assert.Contains("Content-Type", response.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Request_ContentTypeWithCharset_Accepted()
    {
        await using var harness = await SimulatorHarness.StartAsync();

        var response = await harness.Client.SendAsync(new TestRequest { Target = ListTarget, Body = ListBody, ContentType = "application/x-amz-json-1.1; charset=utf-8" });

        Assert.Equal(200, response.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("WorkMailService.DeleteUser")]
    [InlineData("WorkMailService.")]
    [InlineData("OtherService.ListMailboxExportJobs")]
    [InlineData("ListMailboxExportJobs")]
    public async Task Request_MissingOrUnknownTarget_400UnknownOperation(string? target)
    {
        await using var harness = await SimulatorHarness.StartAsync();

        var response = await harness.Client.SendAsync(new TestRequest { Target = target, Body = ListBody });

        Assert.Equal(400, response.StatusCode);
        Assert.Equal("UnknownOperationException", response.ErrorType);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[1,2]")]
    [InlineData("\"text\"")]
    [InlineData("""{"OrganizationId": 12}""")]
    [InlineData("""{"OrganizationId":"m-0123456789abcdef0123456789abcdef","MaxResults":"10"}""")]
    [InlineData("""{"OrganizationId":"m-0123456789abcdef0123456789abcdef","MaxResults":1.5}""")]
    public async Task Request_MalformedBody_400SerializationException(string body)
    {
        await using var harness = await SimulatorHarness.StartAsync();

        var response = await harness.Client.SendAsync(new TestRequest { Target = ListTarget, Body = body });

        Assert.Equal(400, response.StatusCode);
        Assert.Equal("SerializationException", response.ErrorType);
    }

    [Fact]
    public async Task Request_EmptyBody_ReadAsEmptyStructure()
    {
        await using var harness = await SimulatorHarness.StartAsync();

        var response = await harness.Client.SendAsync(new TestRequest { Target = ListTarget, Body = "" });

        Assert.Equal("InvalidParameterException", response.ErrorCode);
        Assert.Contains("Member must not be null", response.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Request_UnknownMembers_Ignored()
    {
        await using var harness = await SimulatorHarness.StartAsync();

        var response = await harness.Client.SendAsync(new TestRequest
        {
            Target = ListTarget,
            Body = """{"OrganizationId":"m-0123456789abcdef0123456789abcdef","Extra":{"a":[1]}}""",
        });

        Assert.Equal(200, response.StatusCode);
    }
}
