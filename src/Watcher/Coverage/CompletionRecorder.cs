using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Watcher.Configuration;
using Watcher.Jobs;
using Watcher.WorkMail.Model;

namespace Watcher.Coverage;

/// <summary>
/// Hands each COMPLETED export that a poll sees to the store, once: it remembers which jobs it has handed over and
/// queues only new ones, so a listing that shows a finished job every cycle costs one dictionary lookup per job. The
/// queue is drained by <see cref="CompletionRecorderService"/>, so polls never wait on the disk.
/// </summary>
public sealed class CompletionRecorder(IOptions<WatcherOptions> options, TimeProvider time)
{
    private readonly bool _enabled = options.Value.Coverage.Enabled;
    private readonly ConcurrentDictionary<WatchedJobKey, byte> _seen = new();
    private readonly Channel<Completion> _queue = Channel.CreateUnbounded<Completion>(new UnboundedChannelOptions { SingleReader = true });

    public ChannelReader<Completion> Queued => _queue.Reader;

    /// <summary>A job from a listing.</summary>
    public void Saw(string organizationId, ExportJobSummary job)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (job.State == ExportJobState.Completed)
        {
            Offer(organizationId, job.JobId, job.EntityId, job.EndTime, job.S3BucketName, job.S3Path, job.Description);
        }
    }

    /// <summary>A job from a describe.</summary>
    public void Saw(ExportJobDetails job)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (job.State == ExportJobState.Completed)
        {
            Offer(job.OrganizationId, job.JobId, job.EntityId, job.EndTime, job.S3BucketName, job.S3Path, job.Description);
        }
    }

    /// <summary>Marks completions the store already holds as handed over, so they are not queued again.</summary>
    public void AlreadyStored(IEnumerable<Completion> completions)
    {
        ArgumentNullException.ThrowIfNull(completions);
        foreach (var completion in completions)
        {
            _seen.TryAdd(new WatchedJobKey(completion.OrganizationId, completion.JobId), 0);
        }
    }

    /// <summary>No more completions will be queued (shutdown).</summary>
    public void Complete() => _queue.Writer.TryComplete();

    private void Offer(string organizationId, string jobId, string? entityId, DateTimeOffset? endTime, string? bucket, string? s3Path, string? description)
    {
        if (!_enabled || !_seen.TryAdd(new WatchedJobKey(organizationId, jobId), 0))
        {
            return;
        }

        // WorkMail sets EndTime on every finished job; should one come without it, the time it was seen finished is
        // the closest honest answer, and coverage still counts the mailbox.
        _queue.Writer.TryWrite(new Completion(organizationId, entityId ?? string.Empty, jobId, endTime ?? time.GetUtcNow(), bucket ?? string.Empty, s3Path ?? string.Empty, description));
    }
}
