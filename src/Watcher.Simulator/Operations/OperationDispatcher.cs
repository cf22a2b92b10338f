using System.Text.Json;
using Watcher.Simulator.Protocol;

namespace Watcher.Simulator.Operations;

internal static class OperationDispatcher
{
    public static bool IsKnown(string operation) => operation is WorkMailOperation.StartMailboxExportJob
        or WorkMailOperation.DescribeMailboxExportJob
        or WorkMailOperation.ListMailboxExportJobs
        or WorkMailOperation.CancelMailboxExportJob
        or WorkMailOperation.ListUsers
        or WorkMailOperation.ListResources;

    /// <summary>Runs the operation and writes its response; errors surface as <see cref="AwsErrorException"/>
    /// before anything is written.</summary>
    public static void Execute(string operation, JsonElement input, OperationContext context, Utf8JsonWriter output)
    {
        switch (operation)
        {
            case WorkMailOperation.StartMailboxExportJob:
                StartMailboxExportJob.Execute(input, context, output);
                break;
            case WorkMailOperation.DescribeMailboxExportJob:
                DescribeMailboxExportJob.Execute(input, context, output);
                break;
            case WorkMailOperation.ListMailboxExportJobs:
                ListMailboxExportJobs.Execute(input, context, output);
                break;
            case WorkMailOperation.CancelMailboxExportJob:
                CancelMailboxExportJob.Execute(input, context, output);
                break;
            case WorkMailOperation.ListUsers:
                ListUsers.Execute(input, context, output);
                break;
            case WorkMailOperation.ListResources:
                ListResources.Execute(input, context, output);
                break;
            default:
                throw new AwsErrorException(AwsErrors.UnknownOperation($"Operation {operation} is not supported by the simulator."));
        }
    }
}
