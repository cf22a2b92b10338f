using Watcher.WorkMail;

namespace Watcher.Clients;

/// <summary>WorkMail clients by region and role, all metered and sharing one concurrency bound and one request budget per region.</summary>
public interface IWorkMailClients
{
    /// <summary>The client for Watcher's own region and credentials, used for explicitly configured jobs.</summary>
    IWorkMailExportJobs OwnRegion { get; }

    /// <summary>The client for an organization's region (Watcher's own when null), assuming <paramref name="roleArn"/> when given.</summary>
    IWorkMailExportJobs ForOrganization(string? region, string? roleArn, string? externalId);

    /// <summary>The directory (ListUsers, ListResources) of an organization's region and role, as <see cref="ForOrganization"/> chooses them;
    /// it shares that client's credentials, request budget and call slots.</summary>
    IWorkMailDirectory DirectoryForOrganization(string? region, string? roleArn, string? externalId);
}
