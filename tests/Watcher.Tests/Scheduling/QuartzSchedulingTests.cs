using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Quartz;
using Watcher.Clients;
using Watcher.Jobs;
using Watcher.Scheduling;
using Watcher.Testing.Time;
using Watcher.Testing.Waiting;
using Watcher.Tests.Support;
using Watcher.WorkMail.Model;

namespace Watcher.Tests.Scheduling;

/// <summary>The real Quartz scheduler of the app, driven by a <see cref="FakeTimeProvider"/>.</summary>
[Collection(SequentialHosts.Name)]
public sealed class QuartzSchedulingTests : IAsyncLifetime
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly ScriptedWorkMail _workMail = new();
    private WebApplication _app = null!;

    public async Task InitializeAsync()
    {
        _workMail.Answer(TestJobs.Running("running", 10));
        _workMail.Answer(TestJobs.Running("turns-terminal", 50));
        _workMail.Answer(TestJobs.Ended("done", ExportJobState.Completed, 100, TimeSpan.FromMinutes(3)));

        var builder = WatcherHost.CreateBuilder([], AppContext.BaseDirectory);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Warning",
            ["Watcher:Aws:Region"] = "us-east-1",
            ["Watcher:PollInterval"] = "00:01:00",
            ["Watcher:MaxConcurrentCalls"] = "6",
            ["Watcher:ShutdownTimeout"] = "00:00:07",
            ["Watcher:Jobs:0:OrganizationId"] = TestJobs.Org,
            ["Watcher:Jobs:0:JobId"] = "running",
            ["Watcher:Jobs:1:OrganizationId"] = TestJobs.Org,
            ["Watcher:Jobs:1:JobId"] = "turns-terminal",
            ["Watcher:Jobs:2:OrganizationId"] = TestJobs.Org,
            ["Watcher:Jobs:2:JobId"] = "done",
        });
        builder.Services.AddSingleton<TimeProvider>(_time);
        builder.AddWatcher();
        builder.Services.AddSingleton<IWorkMailClients>(_workMail);
        _app = builder.Build();
        await _app.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task Schedule_AtStart_PollsEveryJobOnceWithoutTimePassing()
    {
        await WaitForAsync(() => _workMail.TotalCalls == 3, "the first poll of every job");

        Assert.Equal(1, _workMail.Calls(TestJobs.Org, "running"));
        Assert.Equal(1, _workMail.Calls(TestJobs.Org, "turns-terminal"));
        Assert.Equal(1, _workMail.Calls(TestJobs.Org, "done"));
        Assert.True(_app.Services.GetRequiredService<Readiness>().IsReady);
    }

    [Fact]
    public async Task Options_AtStart_GiveQuartzAndTheHostTheirSettings()
    {
        var scheduler = await _app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var metadata = await scheduler.GetMetadata();

        // One Quartz thread more than WorkMail call slots, and the host's shutdown wait, from Watcher's options.
        Assert.Equal(7, metadata.ThreadPoolSize);
        Assert.Equal(TimeSpan.FromSeconds(7), _app.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout);
    }

    [Fact]
    public async Task Schedule_WhenIntervalPasses_PollsRunningJobsAgainAndTerminalJobsNever()
    {
        await WaitForAsync(() => _workMail.TotalCalls == 3, "the first poll of every job");
        await WaitForAsync(async () => !await IsScheduledAsync("done"), "the terminal job to be unscheduled");

        for (var minute = 1; minute <= 3; minute++)
        {
            await AdvanceAsync(Interval);
            await WaitForAsync(() => _workMail.Calls(TestJobs.Org, "running") == 1 + minute, $"poll {minute + 1} of the running job");
        }

        Assert.Equal(1, _workMail.Calls(TestJobs.Org, "done"));
        var done = _app.Services.GetRequiredService<ExportJobStore>().Current[new WatchedJobKey(TestJobs.Org, "done")];
        Assert.Equal(ExportJobState.Completed, done.Details!.State);
    }

    [Fact]
    public async Task Schedule_WhenJobTurnsTerminal_DescribesItOnceMoreThenUnschedulesIt()
    {
        await WaitForAsync(() => _workMail.TotalCalls == 3, "the first poll of every job");
        _workMail.Answer(TestJobs.Ended("turns-terminal", ExportJobState.Failed, 60, TimeSpan.FromMinutes(9), "S3 access denied"));

        await AdvanceAsync(Interval);
        await WaitForAsync(() => _workMail.Calls(TestJobs.Org, "turns-terminal") == 2, "the final describe");
        await WaitForAsync(async () => !await IsScheduledAsync("turns-terminal"), "the failed job to be unscheduled");

        await AdvanceAsync(Interval);
        await AdvanceAsync(Interval);
        await WaitForAsync(() => _workMail.Calls(TestJobs.Org, "running") >= 3, "the running job to keep going");

        Assert.Equal(2, _workMail.Calls(TestJobs.Org, "turns-terminal"));
        var job = _app.Services.GetRequiredService<ExportJobStore>().Current[new WatchedJobKey(TestJobs.Org, "turns-terminal")];
        Assert.Equal(ExportJobState.Failed, job.Details!.State);
        Assert.Equal("S3 access denied", job.Details.ErrorInfo);
    }

    [Fact]
    public void Offset_ForManyJobs_SpreadsThemAcrossTheInterval()
    {
        var offsets = Enumerable.Range(0, 1000)
            .Select(i => PollSchedule.Offset(new WatchedJobKey(TestJobs.Org, $"job-{i}").ToString(), Interval))
            .ToList();

        Assert.All(offsets, o => Assert.InRange(o, TimeSpan.FromTicks(1), Interval));
        var perTenth = offsets.GroupBy(o => (int)(o / Interval * 10)).Select(g => g.Count()).ToList();
        Assert.Equal(10, perTenth.Count);
        Assert.All(perTenth, count => Assert.InRange(count, 60, 140));
        Assert.Equal(offsets[7], PollSchedule.Offset(new WatchedJobKey(TestJobs.Org, "job-7").ToString(), Interval));
    }

    private async Task<bool> IsScheduledAsync(string jobId)
    {
        var scheduler = await _app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        return await scheduler.Exists(PollSchedule.JobKeyFor(new WatchedJobKey(TestJobs.Org, jobId)));
    }

    /// <summary>
    /// Moves the fake clock in small steps, so the scheduler thread sees each trigger come due, and after each step
    /// waits until the scheduler has fired and finished whatever came due.
    /// </summary>
    private async Task AdvanceAsync(TimeSpan by)
    {
        var scheduler = await _app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var step = TimeSpan.FromSeconds(5);
        for (var moved = TimeSpan.Zero; moved < by; moved += step)
        {
            _time.Advance(step);
            await Wait.UntilAsync(() => SchedulerState.IsIdleAsync(scheduler, _time.GetUtcNow()), TimeSpan.FromSeconds(20), () => $"the scheduler to finish what came due by {_time.GetUtcNow():O}", every: TimeSpan.FromMilliseconds(5));
        }
    }

    private Task WaitForAsync(Func<bool> condition, string what) => Wait.UntilAsync(condition, _workMail.Called, TimeSpan.FromSeconds(20), () => what);

    private static Task WaitForAsync(Func<Task<bool>> condition, string what) => Wait.UntilAsync(condition, TimeSpan.FromSeconds(20), () => what, every: TimeSpan.FromMilliseconds(20));
}
