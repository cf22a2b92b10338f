using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Transform;
using Watcher.WorkMail.Adapter;
using Watcher.WorkMail.Client.Model;
using Watcher.WorkMail.Client.Transform;
using Xunit.Abstractions;

namespace Watcher.WorkMail.Tests.Fuzz;

/// <summary>
/// Feeds every response unmarshaller thousands of random and mutated bodies (fixed seeds, so a failure repeats) the
/// way the SDK pipeline does, and checks that only typed errors come out: from our unmarshallers JsonException or
/// MalformedMemberException (wrapped by the SDK in AmazonUnmarshallingException), from the error unmarshaller always a
/// service exception that keeps the status, and from the adapter only WorkMailException with the right code.
/// </summary>
public sealed class UnmarshallerFuzzTests(ITestOutputHelper output)
{
    public const int CasesPerUnmarshaller = 4000;

    private const string OrganizationId = "m-00000000000000000000000000000001";

    private const string DescribeBody = """
        {"EntityId":"S-1-1-11-1111111111-2222222222-3333333333-3333","Description":"legal hold","RoleArn":"arn:aws:iam::111122223333:role/export","KmsKeyArn":"arn:aws:kms:eu-west-1:111122223333:key/abcd","S3BucketName":"bucket","S3Prefix":"prefix","S3Path":"prefix/job-1.zip","EstimatedProgress":42,"State":"RUNNING","ErrorInfo":"none","StartTime":1700000000.123,"EndTime":1700000100}
        """;

    private const string ListBody = """
        {"Jobs":[{"JobId":"job-1","EntityId":"e-1","Description":"d","S3BucketName":"b","S3Path":"p/job-1.zip","EstimatedProgress":100,"State":"COMPLETED","StartTime":1700000000.5,"EndTime":1700000100.25},{"JobId":"job-2","EntityId":"e-2","EstimatedProgress":3,"State":"RUNNING","StartTime":1700000200}],"NextToken":"dG9rZW4="}
        """;

    private const string ErrorBody = """{"__type":"com.amazonaws.workmail#EntityNotFoundException","Message":"Mailbox export job job-1 was not found."}""";

    private static readonly HttpStatusCode[] ErrorStatuses =
        [HttpStatusCode.BadRequest, HttpStatusCode.Forbidden, HttpStatusCode.InternalServerError, HttpStatusCode.BadGateway, HttpStatusCode.ServiceUnavailable];

    [Fact]
    public void DescribeUnmarshaller_FuzzedBodies_OnlyTypedErrors()
    {
        var problems = Fuzz(11, [DescribeBody, ListBody, ErrorBody], DescribeCase);

        Assert.Empty(problems);
    }

    [Fact]
    public void ListUnmarshaller_FuzzedBodies_OnlyTypedErrors()
    {
        var problems = Fuzz(22, [ListBody, DescribeBody, ErrorBody], ListCase);

        Assert.Empty(problems);
    }

    [Fact]
    public void ErrorUnmarshaller_FuzzedBodies_AlwaysServiceExceptionKeepingStatus()
    {
        var problems = Fuzz(33, [ErrorBody, """{"__type":"ThrottlingException","message":"Rate exceeded"}""", DescribeBody], ErrorCase);

        Assert.Empty(problems);
    }

    [Fact]
    public void DescribeUnmarshaller_ValidBody_SucceedsWithoutFuzz()
    {
        var (details, problem) = (ExportJobMapper.ToDetails(OrganizationId, "job-1", UnmarshallDescribe(System.Text.Encoding.UTF8.GetBytes(DescribeBody), trickle: true)), DescribeCase(System.Text.Encoding.UTF8.GetBytes(DescribeBody), 1));

        Assert.Null(problem);
        Assert.Equal(42, details.EstimatedProgress);
        Assert.Equal("none", details.ErrorInfo);
    }

    [Theory]
    [InlineData(new byte[] { 0x7B, 0x22, 0x53, 0x74, 0x61, 0x74, 0x65, 0x22, 0x3A, 0x22, 0xC3, 0x28, 0x22, 0x7D }, "State")]
    [InlineData(new byte[] { 0x7B, 0x22, 0x45, 0x6E, 0x74, 0x69, 0x74, 0x79, 0x49, 0x64, 0x22, 0x3A, 0x22, 0xFF, 0x22, 0x7D }, "EntityId")]
    public void DescribeUnmarshaller_InvalidUtf8InString_MalformedMemberNamingIt(byte[] body, string member)
    {
        var exception = Assert.Throws<AmazonUnmarshallingException>(() => UnmarshallDescribe(body, trickle: false));

        var malformed = Assert.IsType<MalformedMemberException>(exception.InnerException);
        Assert.Equal(member, malformed.Member);
        Assert.Equal(WorkMailErrorCodes.MalformedResponse, WorkMailExceptionMapper.Map(WorkMailOperations.DescribeMailboxExportJob, exception).ErrorCode);
    }

    private List<string> Fuzz(int seed, string[] validBodies, Func<byte[], int, string?> run)
    {
        var fuzzer = new BodyFuzzer(seed, validBodies);
        var problems = new List<string>();
        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < CasesPerUnmarshaller; i++)
        {
            var (kind, body) = fuzzer.Next();
            string? problem;
            try
            {
                problem = run(body, i);
            }
#pragma warning disable CA1031 // Whatever escapes is the finding.
            catch (Exception e)
#pragma warning restore CA1031
            {
                problem = $"escaped the harness: {e.GetType().FullName}: {e.Message}";
            }

            if (problem is not null && problems.Count < 20)
            {
                problems.Add($"case {i} ({kind}): {problem}; body base64 {Convert.ToBase64String(body)}");
            }
        }

        foreach (var problem in problems)
        {
            output.WriteLine(problem);
        }

        output.WriteLine($"seed {seed}: {fuzzer.Cases} cases in {stopwatch.ElapsedMilliseconds} ms, {problems.Count} problems");
        Assert.Equal(CasesPerUnmarshaller, fuzzer.Cases);
        return problems;
    }

    private static string? DescribeCase(byte[] body, int index) => SuccessCase(
        WorkMailOperations.DescribeMailboxExportJob,
        () => ExportJobMapper.ToDetails(OrganizationId, "job-1", UnmarshallDescribe(body, trickle: index % 2 == 1)));

    private static string? ListCase(byte[] body, int index) => SuccessCase(
        WorkMailOperations.ListMailboxExportJobs,
        () => ExportJobMapper.ToPage((ListMailboxExportJobsResponse)ListMailboxExportJobsResponseUnmarshaller.Instance.UnmarshallResponse(
            Context(body, HttpStatusCode.OK, trickle: index % 2 == 1))));

    /// <summary>Null when the body was read, or refused with a typed error that maps to MalformedResponse.</summary>
    private static string? SuccessCase(string operation, Action unmarshallAndMap)
    {
        try
        {
            unmarshallAndMap();
            return null;
        }
        catch (WorkMailException e)
        {
            return e.ErrorCode == WorkMailErrorCodes.MalformedResponse ? null : $"adapter gave {e.ErrorCode}";
        }
        catch (AmazonUnmarshallingException e)
        {
            if (e.InnerException is not (JsonException or MalformedMemberException))
            {
                return $"untyped failure inside the unmarshaller: {e.InnerException?.GetType().FullName}: {e.InnerException?.Message}";
            }

            var mapped = WorkMailExceptionMapper.Map(operation, e);
            return mapped.ErrorCode == WorkMailErrorCodes.MalformedResponse && mapped.Message.Contains(operation, StringComparison.Ordinal)
                ? null
                : $"mapped to {mapped.ErrorCode}: {mapped.Message}";
        }
    }

    private static string? ErrorCase(byte[] body, int index)
    {
        var status = ErrorStatuses[index % ErrorStatuses.Length];
        var context = Context(body, status, trickle: index % 2 == 1);
        var exception = DescribeMailboxExportJobResponseUnmarshaller.Instance.UnmarshallException(
            context, new HttpErrorResponseException(context.ResponseData), status);
        if (exception is not AmazonWorkMailException)
        {
            return $"returned {exception?.GetType().FullName ?? "null"}";
        }

        if (exception.StatusCode != status)
        {
            return $"lost the status: {exception.StatusCode}";
        }

        var mapped = WorkMailExceptionMapper.Map(WorkMailOperations.DescribeMailboxExportJob, exception);
        return mapped.StatusCode == (int)status && !string.IsNullOrEmpty(mapped.ErrorCode)
            ? null
            : $"mapped to {mapped.ErrorCode} with status {mapped.StatusCode}";
    }

    private static DescribeMailboxExportJobResponse UnmarshallDescribe(byte[] body, bool trickle) =>
        (DescribeMailboxExportJobResponse)DescribeMailboxExportJobResponseUnmarshaller.Instance.UnmarshallResponse(
            Context(body, HttpStatusCode.OK, trickle));

    private static JsonUnmarshallerContext Context(byte[] body, HttpStatusCode status, bool trickle) => new(
        trickle ? new TrickleStream(body, 7) : new MemoryStream(body),
        false,
        new FuzzResponseData(status, body.Length),
        (int)status >= 300,
        null);
}
