using System.Net;
using Watcher.WorkMail.Adapter;
using Watcher.WorkMail.Client.Model;
using Watcher.WorkMail.Tests.Support;

namespace Watcher.WorkMail.Tests.Transform;

public sealed class ErrorUnmarshallingTests
{
    public static TheoryData<string, Type> ModeledErrors => new()
    {
        { "InvalidParameterException", typeof(InvalidParameterException) },
        { "OrganizationNotFoundException", typeof(OrganizationNotFoundException) },
        { "OrganizationStateException", typeof(OrganizationStateException) },
        { "EntityNotFoundException", typeof(EntityNotFoundException) },
        { "LimitExceededException", typeof(LimitExceededException) },
        { "com.amazonaws.workmail#OrganizationStateException", typeof(OrganizationStateException) },
        { "com.amazonaws.workmail#EntityNotFoundException", typeof(EntityNotFoundException) },
    };

    [Theory]
    [MemberData(nameof(ModeledErrors))]
    public async Task DescribeMailboxExportJobAsync_ModeledError_ThrowsTypedException(string type, Type expected)
    {
        await using var server = new CannedHttpServer(CannedResponse.Error(HttpStatusCode.BadRequest, type, "the reason"));
        using var client = AmazonWorkMailClientFactory.Create(TestSettings.For(server.Url));

        var exception = await Assert.ThrowsAnyAsync<AmazonWorkMailException>(() => client.DescribeMailboxExportJobAsync(
            new DescribeMailboxExportJobRequest { OrganizationId = TestSettings.OrganizationId, JobId = "job-1" }));

        Assert.IsType(expected, exception);
        Assert.Equal(expected.Name, exception.ErrorCode);
        Assert.Equal("the reason", exception.Message);
        Assert.Equal(HttpStatusCode.BadRequest, exception.StatusCode);
        Assert.Equal("canned-request-id", exception.RequestId);
    }

    [Theory]
    [InlineData("ThrottlingException", HttpStatusCode.BadRequest)]
    [InlineData("AccessDeniedException", HttpStatusCode.Forbidden)]
    [InlineData("ExpiredTokenException", HttpStatusCode.Forbidden)]
    [InlineData("UnrecognizedClientException", HttpStatusCode.Forbidden)]
    [InlineData("InternalFailure", HttpStatusCode.InternalServerError)]
    [InlineData("ServiceUnavailable", HttpStatusCode.ServiceUnavailable)]
    public async Task ListMailboxExportJobsAsync_CommonError_ThrowsBaseExceptionWithCode(string type, HttpStatusCode status)
    {
        await using var server = new CannedHttpServer(CannedResponse.Error(status, type));
        using var client = AmazonWorkMailClientFactory.Create(TestSettings.For(server.Url));

        var exception = await Assert.ThrowsAsync<AmazonWorkMailException>(() => client.ListMailboxExportJobsAsync(
            new ListMailboxExportJobsRequest { OrganizationId = TestSettings.OrganizationId }));

        Assert.Equal(type, exception.ErrorCode);
        Assert.Equal(status, exception.StatusCode);
    }

    [Theory]
    [InlineData("OrganizationStateException", HttpStatusCode.BadRequest)]
    [InlineData("LimitExceededException", HttpStatusCode.BadRequest)]
    [InlineData("AccessDeniedException", HttpStatusCode.Forbidden)]
    [InlineData("ServiceUnavailable", HttpStatusCode.ServiceUnavailable)]
    public async Task DescribeExportJobAsync_ServiceError_WorkMailExceptionWithCodeAndStatus(string type, HttpStatusCode status)
    {
        await using var server = new CannedHttpServer(CannedResponse.Error(status, "com.amazonaws.workmail#" + type, "why"));
        using var client = new WorkMailExportJobsClient(TestSettings.For(server.Url));

        var exception = await Assert.ThrowsAsync<WorkMailException>(
            () => client.DescribeExportJobAsync(TestSettings.OrganizationId, "job-1", CancellationToken.None));

        Assert.Equal(type, exception.ErrorCode);
        Assert.Equal((int)status, exception.StatusCode);
        Assert.Contains(type, exception.Message, StringComparison.Ordinal);
        Assert.Contains("why", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DescribeExportJobAsync_LowerCaseMessageMember_IsRead()
    {
        await using var server = new CannedHttpServer(new CannedResponse(
            HttpStatusCode.BadRequest, """{"__type":"EntityNotFoundException","message":"no such job"}"""));
        using var client = AmazonWorkMailClientFactory.Create(TestSettings.For(server.Url));

        var exception = await Assert.ThrowsAsync<EntityNotFoundException>(() => client.DescribeMailboxExportJobAsync(
            new DescribeMailboxExportJobRequest { OrganizationId = TestSettings.OrganizationId, JobId = "job-1" }));

        Assert.Equal("no such job", exception.Message);
    }

    [Fact]
    public async Task DescribeExportJobAsync_NonJsonServerError_KeepsStatus()
    {
        await using var server = new CannedHttpServer(new CannedResponse(HttpStatusCode.BadGateway, "<html>bad gateway</html>", "text/html"));
        using var client = new WorkMailExportJobsClient(TestSettings.For(server.Url));

        var exception = await Assert.ThrowsAsync<WorkMailException>(
            () => client.DescribeExportJobAsync(TestSettings.OrganizationId, "job-1", CancellationToken.None));

        Assert.Equal(502, exception.StatusCode);
    }
}
