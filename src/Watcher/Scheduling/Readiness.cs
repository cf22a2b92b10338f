using Watcher.Jobs;

namespace Watcher.Scheduling;

/// <summary>
/// Ready once the first poll of every job and organization watched at start has finished, successfully or
/// not. It then stays ready: a job added later, or AWS failing, must not take the scrape target out of service.
/// </summary>
public sealed class Readiness(ExportJobStore store, OrganizationStore organizations)
{
    private volatile bool _started;
    private volatile bool _ready;

    public bool IsReady
    {
        get
        {
            if (!_ready && _started && organizations.Current.Values.All(o => o.PollAttempted) && store.Current.Values.All(job => job.PollAttempted))
            {
                _ready = true;
            }

            return _ready;
        }
    }

    /// <summary>Called once the jobs of the starting configuration are scheduled.</summary>
    public void InitialJobsScheduled() => _started = true;
}
