using Watcher.Simulator.Jobs;
using Watcher.Simulator.Protocol;

namespace Watcher.Simulator;

/// <summary>
/// Organizations and their export jobs. Thread-safe. Job states are computed from the store's
/// <see cref="TimeProvider"/> on each read.
/// </summary>
public sealed class SimulatorStore(TimeProvider? timeProvider = null)
{
    /// <summary>ListMailboxExportJobs only covers jobs started within this window.</summary>
    public static readonly TimeSpan ListWindow = TimeSpan.FromDays(7);

    private readonly Lock gate = new();
    private readonly Dictionary<string, OrganizationRecord> organizations = new(StringComparer.Ordinal);

    public TimeProvider TimeProvider { get; } = timeProvider ?? TimeProvider.System;

    public IReadOnlyList<string> OrganizationIds
    {
        get
        {
            lock (gate)
            {
                return [.. organizations.Keys];
            }
        }
    }

    /// <summary>Adds an organization; adding one that exists changes nothing.</summary>
    public void AddOrganization(string organizationId, string? alias = null)
    {
        SimulatedJobValidator.RequireValid(organizationId, ModelShapes.OrganizationId, "OrganizationId");
        lock (gate)
        {
            GetOrAdd(organizationId, alias);
        }
    }

    /// <summary>Adds a job, and its organization if it is new. Returns the JobId.</summary>
    public string AddJob(string organizationId, SimulatedJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        SimulatedJobValidator.RequireValid(organizationId, ModelShapes.OrganizationId, "OrganizationId");
        SimulatedJobValidator.Validate(job);
        lock (gate)
        {
            var organization = GetOrAdd(organizationId, null);
            return AddJob(organization, job);
        }
    }

    public bool RemoveOrganization(string organizationId)
    {
        lock (gate)
        {
            return organizations.Remove(organizationId);
        }
    }

    /// <summary>Forgets everything, as a restarted service backed by an empty database would.</summary>
    public void Clear()
    {
        lock (gate)
        {
            organizations.Clear();
        }
    }

    /// <summary>All job ids of the organization, including jobs not yet started or outside the list window.</summary>
    public IReadOnlyList<string> JobIds(string organizationId)
    {
        lock (gate)
        {
            return organizations.TryGetValue(organizationId, out var organization) ? [.. organization.Jobs.Keys] : [];
        }
    }

    /// <summary>The job as Describe would return it now; null when unknown or not started yet.</summary>
    public SimulatedJobView? Describe(string organizationId, string jobId)
    {
        var now = TimeProvider.GetUtcNow();
        lock (gate)
        {
            return FindJob(organizationId, jobId) is { } job && job.IsVisibleAt(now) ? job.ViewAt(now) : null;
        }
    }

    /// <summary>Cancels a running job now. False when the job is unknown or no longer running.</summary>
    public bool Cancel(string organizationId, string jobId)
    {
        var now = TimeProvider.GetUtcNow();
        lock (gate)
        {
            return FindJob(organizationId, jobId)?.Cancel(now) ?? false;
        }
    }

    /// <summary>Freezes (or resumes) a running job's progress, to simulate a stalled export.</summary>
    public void HoldProgress(string organizationId, string jobId, bool hold)
    {
        var now = TimeProvider.GetUtcNow();
        lock (gate)
        {
            var job = FindJob(organizationId, jobId)
                ?? throw new KeyNotFoundException($"Job {jobId} does not exist in organization {organizationId}.");
            job.Hold(now, hold);
        }
    }

    /// <summary>An inactive organization answers OrganizationStateException to every operation.</summary>
    public void SetOrganizationActive(string organizationId, bool active)
    {
        lock (gate)
        {
            if (!organizations.TryGetValue(organizationId, out var organization))
            {
                throw new KeyNotFoundException($"Organization {organizationId} does not exist.");
            }

            organization.Active = active;
        }
    }

    internal OrganizationStatus GetStatus(string organizationId)
    {
        lock (gate)
        {
            return !organizations.TryGetValue(organizationId, out var organization) ? OrganizationStatus.NotFound
                : organization.Active ? OrganizationStatus.Active
                : OrganizationStatus.Inactive;
        }
    }

    /// <summary>Starts a job for StartMailboxExportJob. Null when the organization vanished meanwhile.</summary>
    internal StartResult? Start(string organizationId, string clientToken, SimulatedJob job, int? maxRunningJobs)
    {
        var now = TimeProvider.GetUtcNow();
        lock (gate)
        {
            if (!organizations.TryGetValue(organizationId, out var organization))
            {
                return null;
            }

            if (organization.JobIdsByClientToken.TryGetValue(clientToken, out var existing))
            {
                return new StartResult(existing, LimitExceeded: false);
            }

            if (maxRunningJobs is { } limit && organization.Jobs.Values.Count(j => j.IsRunningAt(now)) >= limit)
            {
                return new StartResult(null, LimitExceeded: true);
            }

            var jobId = AddJob(organization, job);
            organization.JobIdsByClientToken[clientToken] = jobId;
            return new StartResult(jobId, LimitExceeded: false);
        }
    }

    /// <summary>Jobs started within <see cref="ListWindow"/>, newest first, after <paramref name="after"/>.
    /// Null when the organization does not exist.</summary>
    internal JobPage? List(string organizationId, JobCursor? after, int maxResults)
    {
        var now = TimeProvider.GetUtcNow();
        lock (gate)
        {
            if (!organizations.TryGetValue(organizationId, out var organization))
            {
                return null;
            }

            var ordered = organization.Jobs.Values
                .Where(j => j.IsVisibleAt(now) && j.StartTime >= now - ListWindow)
                .OrderByDescending(j => j.StartTime.UtcTicks)
                .ThenBy(j => j.JobId, StringComparer.Ordinal)
                .SkipWhile(j => after is { } cursor && !IsAfter(j, cursor))
                .Take(maxResults + 1)
                .ToList();
            var page = ordered.Take(maxResults).ToList();
            JobCursor? next = ordered.Count > maxResults ? new JobCursor(page[^1].StartTime.UtcTicks, page[^1].JobId) : null;
            return new JobPage([.. page.Select(j => j.ViewAt(now))], next);
        }
    }

    private static bool IsAfter(JobRecord job, JobCursor cursor) =>
        job.StartTime.UtcTicks < cursor.StartTicks
        || (job.StartTime.UtcTicks == cursor.StartTicks && string.CompareOrdinal(job.JobId, cursor.JobId) > 0);

    private string AddJob(OrganizationRecord organization, SimulatedJob job)
    {
        var jobId = job.JobId ?? Guid.NewGuid().ToString();
        if (organization.Jobs.ContainsKey(jobId))
        {
            throw new ArgumentException($"JobId {jobId} already exists in organization {organization.OrganizationId}.");
        }

        organization.Jobs[jobId] = new JobRecord(jobId, job, TimeProvider.GetUtcNow() + job.StartOffset);
        return jobId;
    }

    private OrganizationRecord GetOrAdd(string organizationId, string? alias)
    {
        if (!organizations.TryGetValue(organizationId, out var organization))
        {
            organization = new OrganizationRecord(organizationId, alias);
            organizations[organizationId] = organization;
        }

        return organization;
    }

    private JobRecord? FindJob(string organizationId, string jobId) =>
        organizations.TryGetValue(organizationId, out var organization) && organization.Jobs.TryGetValue(jobId, out var job)
            ? job
            : null;
}
