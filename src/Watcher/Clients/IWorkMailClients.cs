using Watcher.WorkMail;

namespace Watcher.Clients;

/// <summary>WorkMail clients by region and role, all metered and sharing one concurrency bound.</summary>
public interface IWorkMailClients
{
    /// <summary>The client for Watcher's own region and credentials, used for explicitly configured jobs.</summary>
    IWorkMailExportJobs OwnRegion { get; }

    /// <summary>The client for an organization's region (Watcher's own when null), assuming <paramref name="roleArn"/> when given.</summary>
    IWorkMailExportJobs ForOrganization(string? region, string? roleArn, string? externalId);
}
