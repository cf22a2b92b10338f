using System.Text.Json;
using Watcher.Simulator.Protocol;

namespace Watcher.Simulator.Operations;

internal static class ListResources
{
    public static void Execute(JsonElement input, OperationContext context, Utf8JsonWriter output) =>
        DirectoryListing.Execute(
            WorkMailOperation.ListResources, "Resources", input, context, output, context.Store.ListResources, DirectoryViewWriter.WriteResource);
}
