namespace Watcher.Simulator.Jobs;

/// <summary>
/// A job's fixed definition plus the few events that change its course (hold, manual cancel).
/// Its state is computed from the clock on each read, so no timer is needed. Callers hold the store's lock.
/// </summary>
internal sealed class JobRecord(string jobId, SimulatedJob spec, DateTimeOffset startTime)
{
    private TimeSpan _pausedTotal;
    private DateTimeOffset? _heldSince;
    private DateTimeOffset? _cancelledAt;
    private int _cancelledProgress;

    public string JobId { get; } = jobId;

    public SimulatedJob Spec { get; } = spec;

    public DateTimeOffset StartTime { get; } = startTime;

    public string S3Path => $"{Spec.S3Prefix.TrimEnd('/')}/{JobId}.zip";

    public bool IsVisibleAt(DateTimeOffset now) => now >= StartTime;

    public bool IsRunningAt(DateTimeOffset now) => IsVisibleAt(now) && ViewAt(now).State == JobStates.Running;

    public SimulatedJobView ViewAt(DateTimeOffset now)
    {
        if (_cancelledAt is { } cancelled && now >= cancelled)
        {
            return View(JobStates.Cancelled, _cancelledProgress, null, cancelled);
        }

        var effective = EffectiveElapsed(now);
        var duration = Spec.Duration < TimeSpan.Zero ? TimeSpan.Zero : Spec.Duration;
        switch (Spec.Outcome)
        {
            case SimulatedOutcome.RunForever:
                return View(JobStates.Running, Math.Min(Progress(effective, duration), 99), null, null);
            case SimulatedOutcome.Fail or SimulatedOutcome.Cancel:
                var at = Math.Clamp(Spec.OutcomeAtProgress, 0, 100);
                var endsAfter = duration * (at / 100.0);
                if (effective >= endsAfter)
                {
                    return Spec.Outcome == SimulatedOutcome.Fail
                        ? View(JobStates.Failed, at, Spec.ErrorInfo ?? DefaultErrorInfo(), EndMoment(endsAfter))
                        : View(JobStates.Cancelled, at, null, EndMoment(endsAfter));
                }

                return View(JobStates.Running, Math.Min(Progress(effective, duration), Math.Max(at - 1, 0)), null, null);
            default:
                return effective >= duration
                    ? View(JobStates.Completed, 100, null, EndMoment(duration))
                    : View(JobStates.Running, Math.Min(Progress(effective, duration), 99), null, null);
        }
    }

    public bool Cancel(DateTimeOffset now)
    {
        if (!IsRunningAt(now))
        {
            return false;
        }

        _cancelledProgress = ViewAt(now).EstimatedProgress;
        _cancelledAt = now;
        return true;
    }

    public void Hold(DateTimeOffset now, bool hold)
    {
        if (hold && _heldSince is null && (!IsVisibleAt(now) || IsRunningAt(now)))
        {
            _heldSince = now;
        }
        else if (!hold && _heldSince is { } since)
        {
            _pausedTotal += now - since;
            _heldSince = null;
        }
    }

    private TimeSpan EffectiveElapsed(DateTimeOffset now)
    {
        var elapsed = (_heldSince ?? now) - StartTime - _pausedTotal;
        return elapsed < TimeSpan.Zero ? TimeSpan.Zero : elapsed;
    }

    private DateTimeOffset EndMoment(TimeSpan endsAfter) => StartTime + _pausedTotal + endsAfter;

    private static int Progress(TimeSpan effective, TimeSpan duration) =>
        duration <= TimeSpan.Zero ? 100 : (int)Math.Clamp(Math.Floor(effective.Ticks * 100.0 / duration.Ticks), 0, 100);

    private string DefaultErrorInfo() =>
        $"Access Denied: could not write to s3://{Spec.S3BucketName}/{Spec.S3Prefix}. Check the bucket policy and the role {Spec.RoleArn}.";

    private SimulatedJobView View(string state, int progress, string? errorInfo, DateTimeOffset? endTime) => new(
        JobId,
        Spec.EntityId,
        Spec.Description,
        Spec.RoleArn,
        Spec.KmsKeyArn,
        Spec.S3BucketName,
        Spec.S3Prefix,
        S3Path,
        progress,
        state,
        errorInfo,
        StartTime,
        endTime);
}
