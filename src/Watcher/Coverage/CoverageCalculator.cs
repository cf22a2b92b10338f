using System.Collections.Immutable;
using Watcher.Jobs;
using Watcher.WorkMail.Model;

namespace Watcher.Coverage;

/// <summary>
/// Works out one organization's coverage from its directory, the remembered completions and the jobs being watched.
/// </summary>
/// <remarks>
/// StartMailboxExportJob takes a mailbox as its entity id, its email or its name, and the job keeps what it was
/// given; so a job is matched to a mailbox on any of the three (email and name without regard to case, as WorkMail
/// treats them). Listings from the simulator and from WorkMail both carry the entity id.
/// </remarks>
public static class CoverageCalculator
{
    /// <summary>Users with role USER and every resource, ENABLED or DISABLED: the mailboxes that hold mail to export.</summary>
    public static bool Counts(DirectoryUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.Role == UserRole.User && user.State is EntityState.Enabled or EntityState.Disabled;
    }

    public static bool Counts(DirectoryResource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return resource.State is EntityState.Enabled or EntityState.Disabled;
    }

    public static OrganizationCoverage Build(
        string organizationId,
        IEnumerable<DirectoryUser> users,
        IEnumerable<DirectoryResource> resources,
        IEnumerable<Completion> completions,
        IEnumerable<ExportJobSnapshot> jobs,
        DateTimeOffset now,
        TimeSpan? maxAge)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(resources);
        ArgumentNullException.ThrowIfNull(completions);
        ArgumentNullException.ThrowIfNull(jobs);

        var completed = new Dictionary<string, DateTimeOffset>(StringComparer.OrdinalIgnoreCase);
        var failed = new Dictionary<string, MailboxFailure>(StringComparer.OrdinalIgnoreCase);
        foreach (var completion in completions)
        {
            if (completion.OrganizationId == organizationId)
            {
                Later(completed, completion.EntityId, completion.EndTime);
            }
        }

        // Completions the recorder has not written yet, and failures, which are not remembered beyond the listing.
        foreach (var job in jobs)
        {
            if (job.Key.OrganizationId != organizationId || job.Details is not { EntityId: { Length: > 0 } entity } details)
            {
                continue;
            }

            if (details.State == ExportJobState.Completed)
            {
                Later(completed, entity, details.EndTime ?? details.StartTime);
            }
            else if (details.State == ExportJobState.Failed)
            {
                var at = details.EndTime ?? details.StartTime;
                if (!failed.TryGetValue(entity, out var known) || known.At < at)
                {
                    failed[entity] = new MailboxFailure(details.JobId, details.ErrorInfo, at);
                }
            }
        }

        var mailboxes = ImmutableArray.CreateBuilder<MailboxCoverage>();
        foreach (var user in users.Where(Counts))
        {
            mailboxes.Add(Mailbox(user.Id, user.Email, user.Name, MailboxKind.User, user.State, completed, failed));
        }

        foreach (var resource in resources.Where(Counts))
        {
            mailboxes.Add(Mailbox(resource.Id, resource.Email, resource.Name, MailboxKind.Resource, resource.State, completed, failed));
        }

        var exportedSince = maxAge is { } age ? now - age : DateTimeOffset.MinValue;
        var paceSince = now - OrganizationCoverage.PaceWindow;
        var exported = 0;
        var recent = 0;
        foreach (var mailbox in mailboxes)
        {
            if (mailbox.LastCompletedAt is { } at)
            {
                exported += at >= exportedSince ? 1 : 0;
                recent += at >= paceSince ? 1 : 0;
            }
        }

        return new OrganizationCoverage(organizationId, now, mailboxes.ToImmutable(), exported, recent);
    }

    private static MailboxCoverage Mailbox(
        string id, string? email, string? name, MailboxKind kind, EntityState state, Dictionary<string, DateTimeOffset> completed, Dictionary<string, MailboxFailure> failed)
    {
        DateTimeOffset? last = null;
        MailboxFailure? failure = null;
        foreach (var key in new[] { id, email, name })
        {
            if (string.IsNullOrEmpty(key))
            {
                continue;
            }

            if (completed.TryGetValue(key, out var at) && (last is null || at > last))
            {
                last = at;
            }

            if (failed.TryGetValue(key, out var f) && (failure is null || f.At > failure.At))
            {
                failure = f;
            }
        }

        return new MailboxCoverage(id, email, name, kind, state, last, failure);
    }

    private static void Later(Dictionary<string, DateTimeOffset> latest, string entity, DateTimeOffset at)
    {
        if (!string.IsNullOrEmpty(entity) && (!latest.TryGetValue(entity, out var known) || known < at))
        {
            latest[entity] = at;
        }
    }
}
