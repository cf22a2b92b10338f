using Watcher.Metrics;
using Watcher.WorkMail;

namespace Watcher.Clients;

/// <summary>Counts a call, its failure by error code, and its latency; shared by the metered views of a client.</summary>
internal sealed class ApiCallMeter(WatcherMetrics metrics, ApiActivity activity, TimeProvider time)
{
    public async Task<T> MeasureAsync<T>(string operation, string organizationId, Func<Task<T>> call)
    {
        metrics.ApiRequest(operation, organizationId);
        activity.CallStarted();
        var started = time.GetTimestamp();
        try
        {
            var result = await call();
            activity.CallSucceeded();
            return result;
        }
        catch (WorkMailException ex)
        {
            metrics.ApiError(operation, organizationId, ex.ErrorCode);
            activity.CallFailed(ex.ErrorCode);
            throw;
        }
        finally
        {
            metrics.ApiDuration(operation, time.GetElapsedTime(started));
        }
    }
}
