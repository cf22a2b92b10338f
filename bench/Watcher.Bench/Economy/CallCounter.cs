using Watcher.Bench.Results;
using Watcher.Simulator;
using Watcher.WorkMail;

namespace Watcher.Bench.Economy;

/// <summary>Counts an organization's calls at the simulator's request log.</summary>
internal static class CallCounter
{
    public static CallCount Count(WorkMailSimulator simulator, string organizationId) => new(
        simulator.Requests.Count(WorkMailOperations.ListMailboxExportJobs, organizationId),
        simulator.Requests.Count(WorkMailOperations.DescribeMailboxExportJob, organizationId));
}
