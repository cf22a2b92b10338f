using Watcher.Clients;

namespace Watcher.Health;

/// <summary>A WorkMail call that failed, as hints name it: the action, the organization, and where it went signed how.</summary>
/// <param name="Operation">E.g. <c>ListMailboxExportJobs</c>; its IAM action is <c>workmail:</c> and the operation.</param>
/// <param name="Region">The region the call was signed for: the organization's Region, or Watcher's own.</param>
/// <param name="RoleArn">The organization's role, when the call was made with it.</param>
/// <param name="OwnRegion">Watcher's own region (Watcher:Aws:Region, or the environment's).</param>
internal sealed record WorkMailCall(string Operation, string OrganizationId, string Region, string? RoleArn, WorkMailEndpoint Endpoint, string OwnRegion)
{
    public string Action => "workmail:" + Operation;

    /// <summary>The setting the signing region came from, for people.</summary>
    public string RegionSetting => string.Equals(Region, OwnRegion, StringComparison.Ordinal) ? "Watcher:Aws:Region" : "the organization's Region";
}
