using System.Text;

namespace Watcher.Simulator;

/// <summary>What the standalone simulator prints at start: everything a client needs to connect.</summary>
internal static class StartupBanner
{
    /// <param name="discovery">The spawner feeding the discovery organization, if any: its jobs are too many to list.</param>
    /// <param name="podIdentity">The Pod Identity agent started with <c>--pod-identity</c>, if any.</param>
    public static string Render(WorkMailSimulator simulator, IReadOnlyList<(string OrganizationId, string JobId)> jobs, JobSpawner? discovery = null, PodIdentityLocally? podIdentity = null)
    {
        var endpoint = simulator.ServiceUrl.ToString().TrimEnd('/');
        var text = new StringBuilder()
            .AppendLine("WorkMail simulator (mailbox export jobs)")
            .AppendLine($"  URL:                   {endpoint}")
            .AppendLine($"  Region:                {string.Join(", ", simulator.Regions)}")
            .AppendLine($"  Access key id:         {simulator.Credentials.AccessKeyId}")
            .AppendLine($"  Secret access key:     {simulator.Credentials.SecretAccessKey}")
            .AppendLine("  Organizations and jobs:");
        foreach (var organization in jobs.GroupBy(j => j.OrganizationId))
        {
            text.AppendLine($"    {organization.Key}");
            foreach (var (_, jobId) in organization)
            {
                text.AppendLine($"      {jobId}");
            }
        }

        if (discovery is not null)
        {
            var count = simulator.Store.JobIds(discovery.OrganizationId).Count;
            text.AppendLine($"  Discovery organization: {discovery.OrganizationId} ({count} jobs, a new one every {discovery.Every.TotalSeconds:0} s)");
        }

        var firstOrganization = jobs.Count > 0 ? jobs[0].OrganizationId : "m-...";
        text.AppendLine("Try:")
            .AppendLine($"  AWS_ACCESS_KEY_ID={simulator.Credentials.AccessKeyId} AWS_SECRET_ACCESS_KEY={simulator.Credentials.SecretAccessKey} \\")
            .AppendLine($"    aws workmail list-mailbox-export-jobs --endpoint-url {endpoint} --region {simulator.Region} --organization-id {firstOrganization}");
        if (podIdentity is not null)
        {
            var variables = $"AWS_CONTAINER_CREDENTIALS_FULL_URI={podIdentity.Agent.CredentialsUrl} AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE={podIdentity.TokenFile}";
            text.AppendLine($"EKS Pod Identity agent: {podIdentity.Agent.CredentialsUrl} (role {podIdentity.Agent.RoleArn})")
                .AppendLine($"  Token file:            {podIdentity.TokenFile}")
                .AppendLine("Try Watcher with Pod Identity credentials:")
                .AppendLine($"  {variables} \\")
                .AppendLine($"    Watcher__Aws__ServiceUrl={endpoint} Watcher__Aws__Region={simulator.Region} Watcher__Organizations__0__OrganizationId={firstOrganization} \\")
                .AppendLine("    dotnet run --project src/Watcher -- check");
        }

        return text.AppendLine("Press Ctrl+C to stop.").ToString();
    }
}
