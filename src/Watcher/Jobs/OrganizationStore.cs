using System.Collections.Immutable;

namespace Watcher.Jobs;

/// <summary>The latest snapshot of every organization Watcher discovers jobs in, read by scrapes without locking.</summary>
public sealed class OrganizationStore
{
    private ImmutableDictionary<string, OrganizationSnapshot> _organizations = ImmutableDictionary<string, OrganizationSnapshot>.Empty;

    public ImmutableDictionary<string, OrganizationSnapshot> Current => Volatile.Read(ref _organizations);

    public bool TryGet(string organizationId, out OrganizationSnapshot organization) => Current.TryGetValue(organizationId, out organization!);

    /// <summary>Adds an organization, or takes its new settings (alias, region, role) keeping its poll state.</summary>
    public bool Upsert(OrganizationSnapshot settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var added = false;
        ImmutableInterlocked.AddOrUpdate(
            ref _organizations,
            settings.OrganizationId,
            _ =>
            {
                added = true;
                return settings;
            },
            (_, existing) => existing with { Alias = settings.Alias, Region = settings.Region, RoleArn = settings.RoleArn, ExternalId = settings.ExternalId });
        return added;
    }

    public bool Remove(string organizationId) => ImmutableInterlocked.TryRemove(ref _organizations, organizationId, out _);

    /// <summary>Applies <paramref name="update"/> to an organization that is still watched.</summary>
    public bool TryUpdate(string organizationId, Func<OrganizationSnapshot, OrganizationSnapshot> update, out OrganizationSnapshot before)
    {
        ArgumentNullException.ThrowIfNull(update);
        while (true)
        {
            var organizations = Current;
            if (!organizations.TryGetValue(organizationId, out before!))
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _organizations, organizations.SetItem(organizationId, update(before)), organizations) == organizations)
            {
                return true;
            }
        }
    }
}
