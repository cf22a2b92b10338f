using Watcher.WorkMail;

namespace Watcher.Clients;

/// <summary>
/// WorkMail API calls, failures and throttled retries, kept in memory for the status page: the totals since
/// start and a sliding window of one-minute buckets. OpenTelemetry's instruments cannot be read back, and a
/// rate needs a window anyway.
/// </summary>
public sealed class ApiActivity(TimeProvider time)
{
    /// <summary>How far back the recent rates look.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    private static readonly TimeSpan BucketWidth = TimeSpan.FromMinutes(1);
    private static readonly int BucketCount = (int)(Window / BucketWidth);

    private readonly Lock _lock = new();
    private readonly ApiCounts[] _buckets = new ApiCounts[BucketCount];
    private readonly long[] _bucketMinutes = new long[BucketCount];
    private ApiCounts _total;
    private DateTimeOffset? _lastCallAt;
    private DateTimeOffset? _lastErrorAt;
    private string? _lastErrorCode;

    /// <summary>A call starts; counted then, as <c>workmail_api_requests_total</c> is.</summary>
    public void CallStarted() => Add(new ApiCounts(1, 0, 0), errorCode: null, finished: false);

    public void CallSucceeded() => Add(default, errorCode: null, finished: true);

    public void CallFailed(string errorCode) => Add(new ApiCounts(0, 1, 0), errorCode, finished: true);

    /// <summary>The SDK retried inside a call; only throttling retries are counted.</summary>
    public void Retried(string errorCode)
    {
        if (WorkMailErrorCodes.IsThrottling(errorCode))
        {
            Add(new ApiCounts(0, 0, 1), errorCode: null, finished: false);
        }
    }

    public ApiActivitySnapshot Snapshot()
    {
        var minute = CurrentMinute(time.GetUtcNow());
        lock (_lock)
        {
            var recent = default(ApiCounts);
            for (var i = 0; i < BucketCount; i++)
            {
                if (minute - _bucketMinutes[i] < BucketCount)
                {
                    recent = recent.Add(_buckets[i]);
                }
            }

            return new ApiActivitySnapshot(recent, _total, _lastCallAt, _lastErrorAt, _lastErrorCode);
        }
    }

    private void Add(ApiCounts counts, string? errorCode, bool finished)
    {
        var now = time.GetUtcNow();
        var minute = CurrentMinute(now);
        var slot = (int)(minute % BucketCount);
        lock (_lock)
        {
            if (_bucketMinutes[slot] != minute)
            {
                // The slot last held a minute that has left the window.
                _bucketMinutes[slot] = minute;
                _buckets[slot] = default;
            }

            _buckets[slot] = _buckets[slot].Add(counts);
            _total = _total.Add(counts);
            if (finished)
            {
                _lastCallAt = now;
            }

            if (errorCode is not null)
            {
                _lastErrorAt = now;
                _lastErrorCode = errorCode;
            }
        }
    }

    private static long CurrentMinute(DateTimeOffset now) => now.UtcTicks / BucketWidth.Ticks;
}
