using Watcher.Simulator.Jobs;

namespace Watcher.Simulator;

/// <summary>
/// Starts a new off-boarding export job in one organization every <see cref="Every"/>, on the store's
/// <see cref="TimeProvider"/>, so that discovery keeps finding new jobs. Durations (2 to 8 minutes) and outcomes
/// (mostly Complete, sometimes Fail, rarely Cancel) come from a seeded random source, so runs repeat. Each exports a
/// mailbox of the organization's directory, or, without one, one of <see cref="Mailboxes"/> fixed ones: an
/// organization's mailboxes are few and exported again and again; its jobs are what keeps growing.
/// </summary>
public sealed class JobSpawner : IDisposable
{
    private readonly Lock _gate = new();
    private readonly SimulatorStore _store;
    private readonly Random _random;
    private const int Mailboxes = 200;

    private readonly List<string> _jobIds = [];
    private readonly ITimer _timer;
    private DateTimeOffset _nextStart;
    private bool _disposed;

    private JobSpawner(SimulatorStore store, string organizationId, TimeSpan every, int seed)
    {
        _store = store;
        OrganizationId = organizationId;
        Every = every;
        _random = new Random(seed);
        _nextStart = store.TimeProvider.GetUtcNow() + every;
        _timer = store.TimeProvider.CreateTimer(_ => Tick(), null, every, every);
    }

    public string OrganizationId { get; }

    public TimeSpan Every { get; }

    /// <summary>The jobs started so far, oldest first (snapshot).</summary>
    public IReadOnlyList<string> JobIds
    {
        get
        {
            lock (_gate)
            {
                return [.. _jobIds];
            }
        }
    }

    /// <summary>Starts spawning; the first job starts one <paramref name="every"/> from now.</summary>
    /// <exception cref="KeyNotFoundException">The organization does not exist.</exception>
    public static JobSpawner Start(SimulatorStore store, string organizationId, TimeSpan every, int seed = 1)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(every, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(every, TimeSpan.FromDays(1));
        if (!store.OrganizationIds.Contains(organizationId, StringComparer.Ordinal))
        {
            throw new KeyNotFoundException($"Organization {organizationId} does not exist.");
        }

        return new JobSpawner(store, organizationId, every, seed);
    }

    public void Dispose()
    {
        // Under the lock, so that no job is added once Dispose has returned, even by a tick already running.
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
        }

        _timer.Dispose();
    }

    private void Tick()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            // Start times follow the schedule, not the callback: timers fire late, and a fake clock advanced by
            // several periods fires them all at the final time.
            var now = _store.TimeProvider.GetUtcNow();
            while (_nextStart <= now)
            {
                Spawn(_nextStart - now);
                _nextStart += Every;
            }
        }
    }

    private void Spawn(TimeSpan startOffset)
    {
        var roll = _random.NextDouble();
        var outcome = roll < 0.05 ? SimulatedOutcome.Cancel : roll < 0.20 ? SimulatedOutcome.Fail : SimulatedOutcome.Complete;
        var duration = TimeSpan.FromSeconds(_random.Next(120, 481));
        var job = OffboardingJobs.Create(_random, null, startOffset, duration, outcome) with { EntityId = PickMailbox() };

        // A removed organization stays removed: the spawner keeps its schedule but adds nothing.
        if (_store.AddJobIfOrganizationExists(OrganizationId, job) is { } jobId)
        {
            _jobIds.Add(jobId);
        }
    }

    private string PickMailbox()
    {
        var users = _store.Users(OrganizationId).Where(u => u.UserRole == SimulatedDirectory.User && u.State != SimulatedDirectory.Deleted).ToList();
        return users.Count > 0
            ? users[_random.Next(users.Count)].Id ?? string.Empty
            : OffboardingJobs.NewGuid(new Random(_random.Next(Mailboxes))).ToString();
    }
}
