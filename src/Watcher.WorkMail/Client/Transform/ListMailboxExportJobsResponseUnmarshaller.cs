using System.Globalization;
using System.Net;
using System.Text.Json;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Transform;
using Amazon.Runtime.Internal.Util;
using Watcher.WorkMail.Client.Model;

namespace Watcher.WorkMail.Client.Transform;

/// <summary>Reads a ListMailboxExportJobs response; members it does not know are skipped.</summary>
internal sealed class ListMailboxExportJobsResponseUnmarshaller : JsonResponseUnmarshaller
{
    public static ListMailboxExportJobsResponseUnmarshaller Instance { get; } = new();

    public override AmazonWebServiceResponse Unmarshall(JsonUnmarshallerContext context)
    {
        var response = new ListMailboxExportJobsResponse();
        var reader = new StreamingUtf8JsonReader(context.Stream);
        JsonMemberReader.ReadBodyStart(context, ref reader);
        try
        {
            var targetDepth = context.CurrentDepth;
            while (context.ReadAtDepth(targetDepth, ref reader))
            {
                if (context.TestExpression("Jobs", targetDepth, ref reader))
                {
                    response.Jobs = ReadJobs(context, ref reader);
                }
                else if (context.TestExpression("NextToken", targetDepth, ref reader))
                {
                    response.NextToken = JsonMemberReader.ReadString(context, ref reader, "NextToken");
                }
            }
        }
        catch (InvalidOperationException e)
        {
            throw JsonMemberReader.Unreadable(context, e);
        }

        return response;
    }

    public override AmazonServiceException UnmarshallException(JsonUnmarshallerContext context, Exception innerException, HttpStatusCode statusCode) =>
        WorkMailErrorUnmarshaller.Unmarshall(context, innerException, statusCode);

    private static List<MailboxExportJob> ReadJobs(JsonUnmarshallerContext context, ref StreamingUtf8JsonReader reader)
    {
        var jobs = new List<MailboxExportJob>();
        if (!JsonMemberReader.ReadArrayStart(context, ref reader, "Jobs"))
        {
            return jobs;
        }

        while (!context.Peek(JsonTokenType.EndArray, ref reader))
        {
            if (context.CurrentTokenType is null)
            {
                throw new MalformedMemberException("Jobs", "The member Jobs ends before its array does.");
            }

            var path = string.Create(CultureInfo.InvariantCulture, $"Jobs[{jobs.Count}]");
            var job = MailboxExportJobUnmarshaller.Unmarshall(context, ref reader, path)
                ?? throw new MalformedMemberException(path, $"The member {path} is null.");
            jobs.Add(job);
        }

        context.Read(ref reader);
        return jobs;
    }
}
