using System.Text;

namespace Watcher.Simulator;

/// <summary>What the standalone simulator prints at start: everything a client needs to connect.</summary>
internal static class StartupBanner
{
    public static string Render(WorkMailSimulator simulator, IReadOnlyList<(string OrganizationId, string JobId)> jobs)
    {
        var endpoint = simulator.ServiceUrl.ToString().TrimEnd('/');
        var text = new StringBuilder()
            .AppendLine("WorkMail simulator (mailbox export jobs)")
            .AppendLine($"  URL:                   {endpoint}")
            .AppendLine($"  Region:                {simulator.Region}")
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

        var firstOrganization = jobs.Count > 0 ? jobs[0].OrganizationId : "m-...";
        return text
            .AppendLine("Try:")
            .AppendLine($"  AWS_ACCESS_KEY_ID={simulator.Credentials.AccessKeyId} AWS_SECRET_ACCESS_KEY={simulator.Credentials.SecretAccessKey} \\")
            .AppendLine($"    aws workmail list-mailbox-export-jobs --endpoint-url {endpoint} --region {simulator.Region} --organization-id {firstOrganization}")
            .AppendLine("Press Ctrl+C to stop.")
            .ToString();
    }
}
