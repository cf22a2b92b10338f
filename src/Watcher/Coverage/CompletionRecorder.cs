using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Watcher.Configuration;
using Watcher.WorkMail.Model;

namespace Watcher.Coverage;

/// <summary>
/// Hands each COMPLETED export that a poll sees to the store, once: it remembers the end of the latest completion
/// handed over for each mailbox and queues only later ones, so a listing that shows a finished job every cycle costs
/// one dictionary lookup per job, and memory follows the number of mailboxes, not of jobs. The queue is drained by
/// <see cref="CompletionRecorderService"/>, so polls never wait on the disk.
/// </summary>
public sealed class CompletionRecorder(IOptions<WatcherOptions> options, TimeProvider time)
{
    private readonly bool _enabled = options.Value.Coverage.Enabled;
    private readonly ConcurrentDictionary<MailboxKey, DateTimeOffset> _latest = new();
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
            Claim(completion.Mailbox, completion.EndTime);
        }
    }

    /// <summary>No more completions will be queued (shutdown).</summary>
    public void Complete() => _queue.Writer.TryComplete();

    private void Offer(string organizationId, string jobId, string? entityId, DateTimeOffset? endTime, string? bucket, string? s3Path, string? description)
    {
        // WorkMail sets EndTime on every finished job; should one come without it, the time it was first seen finished
        // is the closest honest answer, and coverage still counts the mailbox.
        var mailbox = new MailboxKey(organizationId, entityId ?? string.Empty);
        if (!_enabled || !Claim(mailbox, endTime))
        {
            return;
        }

        _queue.Writer.TryWrite(new Completion(mailbox.OrganizationId, mailbox.EntityId, jobId, endTime ?? time.GetUtcNow(), bucket ?? string.Empty, s3Path ?? string.Empty, description));
    }

    /// <summary>True if <paramref name="endTime"/> is later than every completion of the mailbox handed over so far.</summary>
    private bool Claim(MailboxKey mailbox, DateTimeOffset? endTime)
    {
        while (true)
        {
            if (_latest.TryGetValue(mailbox, out var known))
            {
                if (endTime is not { } end || end <= known)
                {
                    return false;
                }

                if (_latest.TryUpdate(mailbox, end, known))
                {
                    return true;
                }
            }
            else if (_latest.TryAdd(mailbox, endTime ?? time.GetUtcNow()))
            {
                return true;
            }
        }
    }
}
