using System.Diagnostics;
using System.Diagnostics.Metrics;
using Watcher.Jobs;
using Watcher.WorkMail.Model;

namespace Watcher.Metrics;

/// <summary>The per-organization gauges, read from the latest snapshots; organizations are few and long-lived.</summary>
internal sealed class OrganizationGauges
{
    private readonly ExportJobStore _jobs;
    private readonly OrganizationStore _organizations;

    public OrganizationGauges(Meter meter, ExportJobStore jobs, OrganizationStore organizations)
    {
        _jobs = jobs;
        _organizations = organizations;
        meter.CreateObservableGauge("workmail.export_jobs", ObserveJobsByState, description: "Watched export jobs in each state, per organization, as of the last successful poll of each job.");
        meter.CreateObservableGauge("workmail.organization.info", ObserveInfo, description: "An organization whose export jobs are discovered, as of the last listing; always 1.");
        meter.CreateObservableGauge("workmail.organization.poll_success", ObservePollSuccess, description: "1 if the last full listing of the organization succeeded, else 0.");
        meter.CreateObservableGauge("workmail.organization.last_poll_success_timestamp", ObserveLastPollSuccess, unit: "s", description: "When the last full listing of the organization finished, in Unix seconds.");
    }

    private IEnumerable<Measurement<int>> ObserveJobsByState()
    {
        var counts = new Dictionary<string, int[]>(StringComparer.Ordinal);
        foreach (var organizationId in _organizations.Current.Keys)
        {
            counts[organizationId] = new int[ExportJobStates.All.Count];
        }

        foreach (var job in _jobs.Current.Values)
        {
            if (!counts.TryGetValue(job.Key.OrganizationId, out var byState))
            {
                counts[job.Key.OrganizationId] = byState = new int[ExportJobStates.All.Count];
            }

            if (job.Details is { } details)
            {
                byState[(int)details.State]++;
            }
        }

        foreach (var (organizationId, byState) in counts)
        {
            for (var i = 0; i < byState.Length; i++)
            {
                yield return new Measurement<int>(byState[i], new TagList { { "organization_id", organizationId }, { "state", ExportJobStates.All[i] } });
            }
        }
    }

    private IEnumerable<Measurement<int>> ObserveInfo()
    {
        foreach (var organization in _organizations.Current.Values)
        {
            yield return new Measurement<int>(1, new TagList
            {
                { "organization_id", organization.OrganizationId },
                { "alias", organization.Alias ?? string.Empty },
                { "aws_region", organization.Region },
            });
        }
    }

    private IEnumerable<Measurement<int>> ObservePollSuccess()
    {
        foreach (var organization in _organizations.Current.Values)
        {
            if (organization.PollAttempted)
            {
                yield return new Measurement<int>(organization.LastPollSucceeded ? 1 : 0, new KeyValuePair<string, object?>("organization_id", organization.OrganizationId));
            }
        }
    }

    private IEnumerable<Measurement<double>> ObserveLastPollSuccess()
    {
        foreach (var organization in _organizations.Current.Values)
        {
            if (organization.LastPollSuccessAt is { } at)
            {
                yield return new Measurement<double>(at.ToUnixTimeMilliseconds() / 1000.0, new KeyValuePair<string, object?>("organization_id", organization.OrganizationId));
            }
        }
    }
}
