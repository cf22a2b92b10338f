using Watcher.Simulator.Jobs;
using Watcher.Simulator.Mailboxes;
using Watcher.Simulator.Protocol;

namespace Watcher.Simulator;

/// <summary>
/// Organizations, their export jobs, users and resources. Thread-safe. Job states are computed from the store's
/// <see cref="TimeProvider"/> on each read.
/// </summary>
public sealed class SimulatorStore(TimeProvider? timeProvider = null)
{
    /// <summary>ListMailboxExportJobs only covers jobs started within this window.</summary>
    public static readonly TimeSpan ListWindow = TimeSpan.FromDays(7);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, OrganizationRecord> _organizations = new(StringComparer.Ordinal);

    public TimeProvider TimeProvider { get; } = timeProvider ?? TimeProvider.System;

    public IReadOnlyList<string> OrganizationIds
    {
        get
        {
            lock (_gate)
            {
                return [.. _organizations.Keys];
            }
        }
    }

    /// <summary>Adds an organization; adding one that exists changes nothing.</summary>
    /// <param name="region">The only region whose requests find it; null: the simulator's primary region.</param>
    public void AddOrganization(string organizationId, string? alias = null, string? region = null)
    {
        SimulatedJobValidator.RequireValid(organizationId, ModelShapes.OrganizationId, "OrganizationId");
        if (region is not null && (region.Length == 0 || region.Any(char.IsWhiteSpace)))
        {
            throw new ArgumentException($"Region '{region}' is not a region name.", nameof(region));
        }

        lock (_gate)
        {
            GetOrAdd(organizationId, alias, region);
        }
    }

    /// <summary>Adds a job, and its organization if it is new. Returns the JobId.</summary>
    public string AddJob(string organizationId, SimulatedJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        SimulatedJobValidator.RequireValid(organizationId, ModelShapes.OrganizationId, "OrganizationId");
        SimulatedJobValidator.Validate(job);
        lock (_gate)
        {
            var organization = GetOrAdd(organizationId, null, null);
            return AddJob(organization, job);
        }
    }

    /// <summary>Adds many jobs at once, and the organization if it is new: all of them or, when one is invalid
    /// or its JobId is taken, none. Returns the JobIds in input order.</summary>
    public IReadOnlyList<string> AddJobs(string organizationId, IEnumerable<SimulatedJob> jobs)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        SimulatedJobValidator.RequireValid(organizationId, ModelShapes.OrganizationId, "OrganizationId");
        var batch = jobs.ToList();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var job in batch)
        {
            ArgumentNullException.ThrowIfNull(job, nameof(jobs));
            SimulatedJobValidator.Validate(job);
            if (job.JobId is { } id && !ids.Add(id))
            {
                throw new ArgumentException($"JobId {id} appears more than once in the batch.", nameof(jobs));
            }
        }

        lock (_gate)
        {
            if (_organizations.TryGetValue(organizationId, out var existing) && ids.FirstOrDefault(existing.Jobs.ContainsKey) is { } taken)
            {
                throw new ArgumentException($"JobId {taken} already exists in organization {organizationId}.", nameof(jobs));
            }

            var organization = GetOrAdd(organizationId, null, null);
            return [.. batch.Select(job => AddJob(organization, job))];
        }
    }

    /// <summary>For generators that must not resurrect a removed organization: adds the job only while the
    /// organization exists. Returns the JobId, or null.</summary>
    internal string? AddJobIfOrganizationExists(string organizationId, SimulatedJob job)
    {
        SimulatedJobValidator.Validate(job);
        lock (_gate)
        {
            return _organizations.TryGetValue(organizationId, out var organization) ? AddJob(organization, job) : null;
        }
    }

    /// <summary>Adds users, and the organization if it is new: all of them or, when one is invalid or its Id is taken, none.
    /// Returns the Ids (generated when null) in input order.</summary>
    public IReadOnlyList<string> AddUsers(string organizationId, IEnumerable<SimulatedUser> users)
    {
        ArgumentNullException.ThrowIfNull(users);
        return AddEntries(organizationId, users, DirectoryValidator.Validate, u => u.Id, (u, id) => u with { Id = id }, o => o.Users, "user");
    }

    /// <summary>Adds resources, and the organization if it is new: all of them or, when one is invalid or its Id is taken, none.
    /// Returns the Ids (generated when null) in input order.</summary>
    public IReadOnlyList<string> AddResources(string organizationId, IEnumerable<SimulatedResource> resources)
    {
        ArgumentNullException.ThrowIfNull(resources);
        return AddEntries(organizationId, resources, DirectoryValidator.Validate, r => r.Id, (r, id) => r with { Id = id }, o => o.Resources, "resource");
    }

    /// <summary>
    /// Marks users DELETED, as DeleteUser does: they stay in ListUsers with that state, and their mailbox is gone.
    /// Returns how many of the ids were found; unknown ids are left alone.
    /// </summary>
    public int DeleteUsers(string organizationId, IEnumerable<string> userIds)
    {
        ArgumentNullException.ThrowIfNull(userIds);
        lock (_gate)
        {
            if (!_organizations.TryGetValue(organizationId, out var organization))
            {
                return 0;
            }

            var now = TimeProvider.GetUtcNow();
            return userIds.Count(id => organization.Users.Update(id, u => u with { State = SimulatedDirectory.Deleted, DisabledDate = u.DisabledDate ?? now }));
        }
    }

    /// <summary>The organization's users in id order (ListUsers' order), with their Ids; empty when unknown.</summary>
    public IReadOnlyList<SimulatedUser> Users(string organizationId)
    {
        lock (_gate)
        {
            return _organizations.TryGetValue(organizationId, out var organization) ? organization.Users.All() : [];
        }
    }

    /// <summary>The organization's resources in id order (ListResources' order), with their Ids; empty when unknown.</summary>
    public IReadOnlyList<SimulatedResource> Resources(string organizationId)
    {
        lock (_gate)
        {
            return _organizations.TryGetValue(organizationId, out var organization) ? organization.Resources.All() : [];
        }
    }

    public bool RemoveOrganization(string organizationId)
    {
        lock (_gate)
        {
            return _organizations.Remove(organizationId);
        }
    }

    /// <summary>Forgets everything, as a restarted service backed by an empty database would.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _organizations.Clear();
        }
    }

    /// <summary>All job ids of the organization, including jobs not yet started or outside the list window.</summary>
    /// <summary>
    /// Forgets the jobs that started before <paramref name="olderThan"/> ago, as a long-running service does
    /// with history nobody can list any more (ListMailboxExportJobs covers 7 days). Returns how many went.
    /// </summary>
    public int ForgetJobsStartedBefore(TimeSpan olderThan)
    {
        var cutoff = TimeProvider.GetUtcNow() - olderThan;
        var forgotten = 0;
        lock (_gate)
        {
            foreach (var organization in _organizations.Values)
            {
                foreach (var job in organization.Timeline.RemoveStartedBefore(cutoff))
                {
                    organization.Jobs.Remove(job.JobId);
                    forgotten++;
                }
            }
        }

        return forgotten;
    }

    public IReadOnlyList<string> JobIds(string organizationId)
    {
        lock (_gate)
        {
            return _organizations.TryGetValue(organizationId, out var organization) ? [.. organization.Jobs.Keys] : [];
        }
    }

    /// <summary>The job as Describe would return it now; null when unknown or not started yet.</summary>
    public SimulatedJobView? Describe(string organizationId, string jobId)
    {
        var now = TimeProvider.GetUtcNow();
        lock (_gate)
        {
            return FindJob(organizationId, jobId) is { } job && job.IsVisibleAt(now) ? job.ViewAt(now) : null;
        }
    }

    /// <summary>Cancels a running job now. False when the job is unknown or no longer running.</summary>
    public bool Cancel(string organizationId, string jobId)
    {
        var now = TimeProvider.GetUtcNow();
        lock (_gate)
        {
            return FindJob(organizationId, jobId)?.Cancel(now) ?? false;
        }
    }

    /// <summary>Freezes (or resumes) a running job's progress, to simulate a stalled export.</summary>
    public void HoldProgress(string organizationId, string jobId, bool hold)
    {
        var now = TimeProvider.GetUtcNow();
        lock (_gate)
        {
            var job = FindJob(organizationId, jobId)
                ?? throw new KeyNotFoundException($"Job {jobId} does not exist in organization {organizationId}.");
            job.Hold(now, hold);
        }
    }

    /// <summary>An inactive organization answers OrganizationStateException to every operation.</summary>
    public void SetOrganizationActive(string organizationId, bool active)
    {
        lock (_gate)
        {
            if (!_organizations.TryGetValue(organizationId, out var organization))
            {
                throw new KeyNotFoundException($"Organization {organizationId} does not exist.");
            }

            organization.Active = active;
        }
    }

    /// <param name="region">The request's region; null: any. Organizations of other regions are not found.</param>
    /// <param name="primaryRegion">Where organizations added without a region live.</param>
    internal OrganizationStatus GetStatus(string organizationId, string? region, string? primaryRegion)
    {
        lock (_gate)
        {
            return !_organizations.TryGetValue(organizationId, out var organization)
                || (region is not null && !organization.IsIn(region, primaryRegion ?? region)) ? OrganizationStatus.NotFound
                : organization.Active ? OrganizationStatus.Active
                : OrganizationStatus.Inactive;
        }
    }

    /// <summary>Starts a job for StartMailboxExportJob. Null when the organization vanished meanwhile.</summary>
    internal StartResult? Start(string organizationId, string clientToken, SimulatedJob job, int? maxRunningJobs)
    {
        var now = TimeProvider.GetUtcNow();
        lock (_gate)
        {
            if (!_organizations.TryGetValue(organizationId, out var organization))
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
        lock (_gate)
        {
            if (!_organizations.TryGetValue(organizationId, out var organization))
            {
                return null;
            }

            var ordered = organization.Timeline.Page(now - ListWindow, now, after, maxResults + 1);
            var page = ordered.Take(maxResults).ToList();
            JobCursor? next = ordered.Count > maxResults ? new JobCursor(page[^1].StartTime.UtcTicks, page[^1].JobId) : null;
            return new JobPage([.. page.Select(j => j.ViewAt(now))], next);
        }
    }

    /// <summary>Users after <paramref name="afterId"/> in id order. Null when the organization does not exist.</summary>
    internal DirectoryPage<SimulatedUser>? ListUsers(string organizationId, string? afterId, int maxResults) =>
        ListEntries(organizationId, afterId, maxResults, o => o.Users, u => u.Id!);

    /// <summary>Resources after <paramref name="afterId"/> in id order. Null when the organization does not exist.</summary>
    internal DirectoryPage<SimulatedResource>? ListResources(string organizationId, string? afterId, int maxResults) =>
        ListEntries(organizationId, afterId, maxResults, o => o.Resources, r => r.Id!);

    /// <summary>The EntityIds of the organization's jobs, each once, in ordinal order so that seeding from them repeats.</summary>
    internal IReadOnlyList<string> JobEntityIds(string organizationId)
    {
        lock (_gate)
        {
            return _organizations.TryGetValue(organizationId, out var organization)
                ? [.. organization.Jobs.Values.Select(j => j.Spec.EntityId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]
                : [];
        }
    }

    private DirectoryPage<T>? ListEntries<T>(
        string organizationId, string? afterId, int maxResults, Func<OrganizationRecord, EntityList<T>> listOf, Func<T, string> idOf)
    {
        lock (_gate)
        {
            if (!_organizations.TryGetValue(organizationId, out var organization))
            {
                return null;
            }

            var entries = listOf(organization).Page(afterId, maxResults + 1);
            var page = entries.Take(maxResults).ToList();
            return new DirectoryPage<T>(page, entries.Count > maxResults ? idOf(page[^1]) : null);
        }
    }

    private IReadOnlyList<string> AddEntries<T>(
        string organizationId,
        IEnumerable<T> entries,
        Action<T> validate,
        Func<T, string?> idOf,
        Func<T, string, T> withId,
        Func<OrganizationRecord, EntityList<T>> listOf,
        string kind)
    {
        SimulatedJobValidator.RequireValid(organizationId, ModelShapes.OrganizationId, "OrganizationId");
        var batch = new List<T>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            validate(entry);
            var id = idOf(entry) ?? Guid.NewGuid().ToString();
            if (!ids.Add(id))
            {
                throw new ArgumentException($"The {kind} Id {id} appears more than once in the batch.", nameof(entries));
            }

            batch.Add(withId(entry, id));
        }

        lock (_gate)
        {
            if (_organizations.TryGetValue(organizationId, out var existing) && ids.FirstOrDefault(listOf(existing).Contains) is { } taken)
            {
                throw new ArgumentException($"The {kind} Id {taken} already exists in organization {organizationId}.", nameof(entries));
            }

            var list = listOf(GetOrAdd(organizationId, null, null));
            foreach (var entry in batch)
            {
                list.Add(entry);
            }
        }

        return [.. batch.Select(e => idOf(e)!)];
    }

    private string AddJob(OrganizationRecord organization, SimulatedJob job)
    {
        var jobId = job.JobId ?? Guid.NewGuid().ToString();
        if (organization.Jobs.ContainsKey(jobId))
        {
            throw new ArgumentException($"JobId {jobId} already exists in organization {organization.OrganizationId}.");
        }

        var record = new JobRecord(jobId, job, TimeProvider.GetUtcNow() + job.StartOffset);
        organization.Jobs[jobId] = record;
        organization.Timeline.Add(record);
        return jobId;
    }

    private OrganizationRecord GetOrAdd(string organizationId, string? alias, string? region)
    {
        if (!_organizations.TryGetValue(organizationId, out var organization))
        {
            organization = new OrganizationRecord(organizationId, alias, region);
            _organizations[organizationId] = organization;
        }

        return organization;
    }

    private JobRecord? FindJob(string organizationId, string jobId) =>
        _organizations.TryGetValue(organizationId, out var organization) && organization.Jobs.TryGetValue(jobId, out var job)
            ? job
            : null;
}
