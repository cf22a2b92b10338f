using System.Text.Json;
using Watcher.Simulator.Mailboxes;
using Watcher.Simulator.Protocol;

namespace Watcher.Simulator.Operations;

/// <summary>What ListUsers and ListResources share: their input members, validation, token and page shape.</summary>
internal static class DirectoryListing
{
    // The model gives no default; the service answers up to its maximum.
    public const int DefaultMaxResults = 100;

    public static void Execute<T>(
        string operation,
        string listMember,
        JsonElement input,
        OperationContext context,
        Utf8JsonWriter output,
        Func<string, string?, int, DirectoryPage<T>?> list,
        Action<Utf8JsonWriter, T> writeEntry)
    {
        var members = new RequestMembers(input);
        var organizationId = members.String("OrganizationId", ModelShapes.OrganizationId, required: true);
        var nextToken = members.String("NextToken", ModelShapes.NextToken, required: false);
        var maxResults = members.Integer("MaxResults", 1, 100) ?? DefaultMaxResults;
        members.ThrowIfInvalid();
        if (input.TryGetProperty("Filters", out var filters) && filters.ValueKind != JsonValueKind.Null)
        {
            // Answering a filtered request unfiltered would mislead a caller; refusing says so.
            throw new AwsErrorException(AwsErrors.InvalidParameter($"The simulator does not support Filters on {operation}."));
        }

        Organizations.RequireActive(context, organizationId!);
        string? afterId = null;
        if (nextToken is not null)
        {
            afterId = DirectoryToken.Decode(nextToken, operation, organizationId!)
                ?? throw new AwsErrorException(AwsErrors.InvalidParameter("The NextToken is invalid."));
        }

        var page = list(organizationId!, afterId, maxResults)
            ?? throw new AwsErrorException(AwsErrors.OrganizationNotFound(organizationId!));

        output.WriteStartObject();
        output.WriteStartArray(listMember);
        foreach (var entry in page.Entries)
        {
            writeEntry(output, entry);
        }

        output.WriteEndArray();
        if (page.LastId is { } lastId)
        {
            output.WriteString("NextToken", DirectoryToken.Encode(operation, organizationId!, lastId));
        }

        output.WriteEndObject();
    }
}
