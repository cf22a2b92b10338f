using System.Diagnostics;
using Watcher.Bench.Economy;
using Watcher.Bench.Results;
using Watcher.Bench.Seeding;
using Watcher.Jobs;
using Watcher.Simulator;
using Watcher.Web;
using Watcher.WorkMail;

namespace Watcher.Bench.Poll;

/// <summary>
/// One full cycle of explicit jobs, in process, against the simulator with added latency: from the host's start
/// (Quartz scheduling every job included) until every job has been described once.
/// </summary>
internal static class CycleRun
{
    public static async Task<CycleResult> RunAsync(WorkMailSimulator simulator, int jobs, int concurrency, TimeSpan latency)
    {
        var organizationId = BenchOrganizations.Cycle(jobs);
        var ids = BenchJobs.Seed(simulator.Store, organizationId, jobs);
        var folder = WatcherSettingsFile.Write(new WatcherSettings(simulator.ServiceUrl, simulator.Region)
        {
            JobsOrganizationId = organizationId,
            Jobs = ids,
            MaxConcurrentCalls = concurrency,
        });

        var builder = WatcherHost.CreateBuilder([], folder);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddSingleton(new WorkMailStaticCredentials(simulator.Credentials.AccessKeyId, simulator.Credentials.SecretAccessKey));
        builder.AddWatcher();
        await using var app = builder.Build();
        app.MapWatcherEndpoints();
        var store = app.Services.GetRequiredService<ExportJobStore>();

        simulator.Requests.Clear();
        simulator.Faults.AddedLatency = latency;
        try
        {
            var started = Stopwatch.GetTimestamp();
            await app.StartAsync();
            var scheduled = Stopwatch.GetElapsedTime(started);
            while (store.Current.Count < jobs || !store.Current.Values.All(j => j.PollAttempted))
            {
                await Task.Delay(10);
            }

            var measured = Stopwatch.GetElapsedTime(started);
            await app.StopAsync();
            return new CycleResult(jobs, concurrency, latency.TotalMilliseconds, scheduled.TotalSeconds, measured.TotalSeconds,
                CallCounter.Count(simulator, organizationId).Describe);
        }
        finally
        {
            simulator.Faults.AddedLatency = TimeSpan.Zero;
            Directory.Delete(folder, recursive: true);
        }
    }
}
