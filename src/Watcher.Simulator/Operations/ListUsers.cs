using System.Text.Json;
using Watcher.Simulator.Protocol;

namespace Watcher.Simulator.Operations;

internal static class ListUsers
{
    public static void Execute(JsonElement input, OperationContext context, Utf8JsonWriter output) =>
        DirectoryListing.Execute(
            WorkMailOperation.ListUsers, "Users", input, context, output, context.Store.ListUsers, DirectoryViewWriter.WriteUser);
}
