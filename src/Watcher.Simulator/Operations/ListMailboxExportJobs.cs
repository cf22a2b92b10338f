using System.Text.Json;
using Watcher.Simulator.Jobs;
using Watcher.Simulator.Protocol;

namespace Watcher.Simulator.Operations;

internal static class ListMailboxExportJobs
{
    // The model gives no default; the service answers up to its maximum.
    public const int DefaultMaxResults = 100;

    public static void Execute(JsonElement input, OperationContext context, Utf8JsonWriter output)
    {
        var members = new RequestMembers(input);
        var organizationId = members.String("OrganizationId", ModelShapes.OrganizationId, required: true);
        var nextToken = members.String("NextToken", ModelShapes.NextToken, required: false);
        var maxResults = members.Integer("MaxResults", 1, 100) ?? DefaultMaxResults;
        members.ThrowIfInvalid();

        Organizations.RequireActive(context, organizationId!);
        JobCursor? cursor = null;
        if (nextToken is not null)
        {
            cursor = ListToken.Decode(nextToken, organizationId!)
                ?? throw new AwsErrorException(AwsErrors.InvalidParameter("The NextToken is invalid."));
        }

        var page = context.Store.List(organizationId!, cursor, maxResults)
            ?? throw new AwsErrorException(AwsErrors.OrganizationNotFound(organizationId!));

        output.WriteStartObject();
        output.WriteStartArray("Jobs");
        foreach (var job in page.Jobs)
        {
            JobViewWriter.WriteListEntry(output, job);
        }

        output.WriteEndArray();
        if (page.Next is { } next)
        {
            output.WriteString("NextToken", ListToken.Encode(organizationId!, next));
        }

        output.WriteEndObject();
    }
}
