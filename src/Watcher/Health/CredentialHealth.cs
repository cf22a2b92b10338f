using System.Collections.Immutable;
using Watcher.Clients;
using Watcher.Configuration;
using Watcher.WorkMail;

namespace Watcher.Health;

/// <summary>
/// Which WorkMail calls fail for credentials now, for the status page and the log. A client's own problems (no
/// credentials, expired or unknown keys, a bad signature, a region mismatch, STS or the Pod Identity agent handing
/// out nothing) end with any call of that client that works; an IAM denial of one action on one organization ends
/// only when that action on that organization works. The hint is logged once when a problem starts or changes, not
/// on every poll, and a problem no call has hit for a while (its organization left the configuration) is dropped.
/// </summary>
internal sealed partial class CredentialHealth(TimeProvider time, LastGoodWatcherOptions options, ILogger<CredentialHealth> logger)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<Key, Entry> _problems = [];

    /// <summary>A call with these credentials worked, or WorkMail answered it in a way that needs them to work.</summary>
    public void Succeeded(WorkMailCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        List<Entry> ended = [];
        lock (_lock)
        {
            foreach (var key in new[] { Key.Client(call), Key.Action(call) })
            {
                if (_problems.Remove(key, out var entry) && !_problems.Values.Any(p => p.Hint == entry.Hint))
                {
                    ended.Add(entry);
                }
            }
        }

        foreach (var entry in ended)
        {
            Log.Recovered(logger, call.OrganizationId, call.Region, Identity(call.RoleArn), entry.ErrorCode);
        }
    }

    /// <summary>A call failed for credentials; <paramref name="hint"/> is what to do about it.</summary>
    public void Failed(WorkMailCall call, WorkMailException exception, string hint)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(exception);
        var key = IsPerAction(exception.ErrorCode) ? Key.Action(call) : Key.Client(call);
        var now = time.GetUtcNow();
        bool started;
        lock (_lock)
        {
            DropStale(now);
            if (_problems.TryGetValue(key, out var known) && known.ErrorCode == exception.ErrorCode && known.Hint == hint)
            {
                _problems[key] = known with { LastSeenAt = now, OrganizationIds = known.OrganizationIds.Add(call.OrganizationId) };
                return;
            }

            // Another client, or another organization, may have the very same problem: that is not news.
            started = !_problems.Any(p => !p.Key.Equals(key) && p.Value.Hint == hint);
            _problems[key] = new Entry(exception.ErrorCode, exception.Message, hint, ImmutableSortedSet.Create(StringComparer.Ordinal, call.OrganizationId), now, now);
        }

        if (started)
        {
            Log.Failing(logger, call.OrganizationId, call.Region, Identity(call.RoleArn), exception.ErrorCode, exception.Message, hint);
        }
    }

    /// <summary>The problems now, oldest first; empty when no call has failed for credentials lately.</summary>
    public IReadOnlyList<CredentialProblem> Current()
    {
        lock (_lock)
        {
            DropStale(time.GetUtcNow());
            return _problems.Values
                .GroupBy(p => p.Hint, StringComparer.Ordinal)
                .Select(g =>
                {
                    var latest = g.MaxBy(p => p.LastSeenAt)!;
                    var organizations = g.SelectMany(p => p.OrganizationIds).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
                    return new CredentialProblem(latest.ErrorCode, latest.ErrorMessage, g.Key, organizations, g.Min(p => p.Since), latest.LastSeenAt);
                })
                .OrderBy(p => p.Since)
                .ToList();
        }
    }

    // WorkMail's IAM denial is about one action on one organization; STS's AccessDenied (the role refused) is about the client.
    private static bool IsPerAction(string errorCode) => errorCode == WorkMailErrorCodes.AccessDeniedException;

    private static string Identity(string? roleArn) => roleArn ?? "Watcher's own identity";

    // Credential failures do not back off, so a problem still there is seen again within a poll interval.
    private void DropStale(DateTimeOffset now)
    {
        var keep = TimeSpan.FromTicks(Math.Max(ApiActivity.Window.Ticks, options.Current.PollInterval.Ticks * 3));
        foreach (var (key, _) in _problems.Where(p => now - p.Value.LastSeenAt > keep).ToList())
        {
            _problems.Remove(key);
        }
    }

    /// <summary>A client's problem has no organization or operation; an IAM denial has both.</summary>
    private sealed record Key(string Region, string? RoleArn, string? OrganizationId, string? Operation)
    {
        public static Key Client(WorkMailCall call) => new(call.Region, call.RoleArn, null, null);

        public static Key Action(WorkMailCall call) => new(call.Region, call.RoleArn, call.OrganizationId, call.Operation);
    }

    private sealed record Entry(
        string ErrorCode,
        string ErrorMessage,
        string Hint,
        ImmutableSortedSet<string> OrganizationIds,
        DateTimeOffset Since,
        DateTimeOffset LastSeenAt);

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "WorkMail calls for {OrganizationId} in {Region} as {Identity} fail for credentials with {ErrorCode}: {ErrorMessage} Hint: {Hint}")]
        public static partial void Failing(ILogger logger, string organizationId, string region, string identity, string errorCode, string errorMessage, string hint);

        [LoggerMessage(2, LogLevel.Information, "WorkMail calls for {OrganizationId} in {Region} as {Identity} work again after {ErrorCode}")]
        public static partial void Recovered(ILogger logger, string organizationId, string region, string identity, string errorCode);
    }
}
