using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;

namespace Watcher.Simulator.Tests.Scenarios;

public partial class DemoScenarioTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Seed_EmptyStore_TwoOrganizationsWithValidIds()
    {
        var store = new SimulatorStore(_time);

        var jobs = DemoScenario.Seed(store);

        Assert.Equal(2, store.OrganizationIds.Count);
        Assert.All(store.OrganizationIds, id => Assert.Matches(OrganizationIdPattern(), id));
        Assert.All(jobs, j => Assert.True(Guid.TryParse(j.JobId, out _)));
        Assert.Equal(jobs.Count, jobs.Select(j => j.JobId).Distinct().Count());
        Assert.Equal(2, jobs.Select(j => j.OrganizationId).Distinct().Count());
    }

    [Fact]
    public void Seed_AtStart_HasRunningCompletedAndCancelledJobs()
    {
        var views = SeedAndDescribe(out _);

        Assert.True(views.Count(v => v.State == "RUNNING") >= 4);
        Assert.True(views.Count(v => v.State == "COMPLETED") >= 2);
        Assert.Single(views, v => v.State == "CANCELLED");
        Assert.Equal(views.Count(v => v.State == "RUNNING"), views.Where(v => v.State == "RUNNING").Select(v => v.EstimatedProgress).Count(p => p is > 0 and < 100));
        Assert.All(views, v =>
        {
            Assert.False(string.IsNullOrEmpty(v.Description));
            Assert.StartsWith("contoso-", v.S3BucketName, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Seed_AfterOneMinute_OneJobCompletedWithinFirstMinute()
    {
        var before = SeedAndDescribe(out var store);

        _time.Advance(TimeSpan.FromMinutes(1));
        var after = Describe(store);

        var completedNow = after.Where(v => v.State == "COMPLETED").Select(v => v.JobId).Except(before.Where(v => v.State == "COMPLETED").Select(v => v.JobId));
        Assert.Single(completedNow);
    }

    [Fact]
    public void Seed_AtStart_OneJobHasAlreadyFailed()
    {
        var failed = Assert.Single(SeedAndDescribe(out _), v => v.State == "FAILED");

        Assert.Contains("KMS key", failed.ErrorInfo, StringComparison.Ordinal);
        Assert.NotNull(failed.EndTime);
    }

    [Fact]
    public void Seed_AfterFewMinutes_AnotherJobFailsWithErrorInfo()
    {
        var before = SeedAndDescribe(out var store);

        _time.Advance(TimeSpan.FromMinutes(3));
        var newlyFailed = Describe(store).Where(v => v.State == "FAILED").ExceptBy(before.Where(v => v.State == "FAILED").Select(v => v.JobId), v => v.JobId);

        var failed = Assert.Single(newlyFailed);
        Assert.Contains("Access Denied", failed.ErrorInfo, StringComparison.Ordinal);
        Assert.NotNull(failed.EndTime);
    }

    private List<SimulatedJobView> SeedAndDescribe(out SimulatorStore store)
    {
        store = new SimulatorStore(_time);
        DemoScenario.Seed(store);
        return Describe(store);
    }

    private static List<SimulatedJobView> Describe(SimulatorStore store) =>
        [.. store.OrganizationIds.SelectMany(o => store.JobIds(o).Select(j => store.Describe(o, j)!))];

    [GeneratedRegex("^m-[0-9a-f]{32}$")]
    private static partial Regex OrganizationIdPattern();
}
