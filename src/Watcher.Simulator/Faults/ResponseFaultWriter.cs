using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Watcher.Simulator.Operations;
using Watcher.Simulator.Protocol;

namespace Watcher.Simulator.Faults;

/// <summary>Decides whether a <see cref="ResponseFault"/> applies to a successful answer, and sends the spoilt answer.</summary>
internal static class ResponseFaultWriter
{
    // Long enough for flushed bytes to leave the socket before the abort discards the output pipe.
    private static readonly TimeSpan SettleBeforeAbort = TimeSpan.FromMilliseconds(100);

    /// <summary>The fault to apply to this successful answer (<see cref="ResponseFault.None"/> for none) and its job filter.</summary>
    public static (ResponseFault Fault, string? JobId) Select(SimulatorFaults faults, string operation, JsonElement input, byte[] payload)
    {
        var (fault, jobId) = faults.CurrentResponseFault();
        if (fault == ResponseFault.None
            || operation is not (WorkMailOperation.DescribeMailboxExportJob or WorkMailOperation.ListMailboxExportJobs))
        {
            return (ResponseFault.None, null);
        }

        var applies = jobId is null
            || (operation == WorkMailOperation.DescribeMailboxExportJob
                ? input.TryGetProperty("JobId", out var requested)
                    && requested.ValueKind == JsonValueKind.String
                    && requested.GetString() == jobId
                : JobEntries(JsonNode.Parse(payload)!, operation, jobId).Any());
        return applies ? (fault, jobId) : (ResponseFault.None, null);
    }

    public static async Task WriteAsync(HttpContext context, ResponseFault fault, string operation, byte[] payload, string? jobId)
    {
        var response = context.Response;
        switch (fault)
        {
            case ResponseFault.CloseWithoutAnswer:
                context.Abort();
                return;

            case ResponseFault.ResetMidBody:
                StartOk(response);
                await response.Body.WriteAsync(payload.AsMemory(0, Half(payload)), context.RequestAborted);
                await response.Body.FlushAsync(context.RequestAborted);

                // Wall-clock time, whatever clock the simulator runs on: this waits for the kernel to send the bytes.
                await Task.Delay(SettleBeforeAbort, TimeProvider.System, context.RequestAborted);
                context.Abort();
                return;

            case ResponseFault.TruncatedContentLength:
                // Kestrel would abort the connection itself at the end of the request; doing it here keeps the log quiet.
                StartOk(response);
                response.ContentLength = payload.Length;
                await response.Body.WriteAsync(payload.AsMemory(0, Half(payload)), context.RequestAborted);
                await response.Body.FlushAsync(context.RequestAborted);
                await Task.Delay(SettleBeforeAbort, TimeProvider.System, context.RequestAborted);
                context.Abort();
                return;

            case ResponseFault.TruncatedJson:
                await AwsJsonResponse.WriteAsync(context, StatusCodes.Status200OK, error: null, payload[..Half(payload)]);
                return;

            case ResponseFault.MalformedJson:
                await AwsJsonResponse.WriteAsync(context, StatusCodes.Status200OK, error: null, [.. "{ this is not JSON, "u8, .. payload.AsSpan(1)]);
                return;

            default:
                await AwsJsonResponse.WriteAsync(context, StatusCodes.Status200OK, error: null, SpoilMembers(fault, operation, payload, jobId));
                return;
        }
    }

    private static byte[] SpoilMembers(ResponseFault fault, string operation, byte[] payload, string? jobId)
    {
        var root = JsonNode.Parse(payload)!;
        IEnumerable<JsonObject> targets = operation == WorkMailOperation.DescribeMailboxExportJob
            ? [root.AsObject()]
            : JobEntries(root, operation, jobId);
        foreach (var job in targets.ToList())
        {
            switch (fault)
            {
                case ResponseFault.WrongMemberType:
                    job["EstimatedProgress"] = "fifty";
                    break;
                case ResponseFault.UnknownState:
                    job["State"] = "PAUSED";
                    break;
                case ResponseFault.ProgressAbove100:
                    job["EstimatedProgress"] = 150;
                    break;
                case ResponseFault.ProgressBelowZero:
                    job["EstimatedProgress"] = -1;
                    break;
                case ResponseFault.MissingStartTime:
                    job.Remove("StartTime");
                    break;
            }
        }

        return Encoding.UTF8.GetBytes(root.ToJsonString());
    }

    /// <summary>The List entries the fault applies to: all of them, or the one with <paramref name="jobId"/>.</summary>
    private static IEnumerable<JsonObject> JobEntries(JsonNode root, string operation, string? jobId)
    {
        if (operation != WorkMailOperation.ListMailboxExportJobs || root["Jobs"] is not JsonArray jobs)
        {
            return [];
        }

        return jobs.OfType<JsonObject>().Where(job => jobId is null || (string?)job["JobId"] == jobId);
    }

    private static void StartOk(HttpResponse response)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = AwsJsonResponse.ContentType;
        response.Headers["x-amzn-RequestId"] = Guid.NewGuid().ToString();
    }

    private static int Half(byte[] payload) => Math.Max(1, payload.Length / 2);
}
