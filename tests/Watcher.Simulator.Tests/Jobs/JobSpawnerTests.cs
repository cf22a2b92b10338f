using Microsoft.Extensions.Time.Testing;

namespace Watcher.Simulator.Tests.Jobs;

public class JobSpawnerTests
{
    private const string Org = "m-0123456789abcdef0123456789abcdef";
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(30);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly SimulatorStore _store;

    public JobSpawnerTests()
    {
        _store = new SimulatorStore(_time);
        _store.AddOrganization(Org);
    }

    [Fact]
    public void Start_BeforeFirstPeriod_NoJob()
    {
        using var spawner = JobSpawner.Start(_store, Org, Every);

        _time.Advance(Every - TimeSpan.FromSeconds(1));

        Assert.Empty(spawner.JobIds);
        Assert.Empty(_store.JobIds(Org));
    }

    [Fact]
    public void Start_AdvanceThreePeriodsAtOnce_ThreeJobsStartedOnSchedule()
    {
        var start = _time.GetUtcNow();
        using var spawner = JobSpawner.Start(_store, Org, Every);

        _time.Advance(Every * 3);

        Assert.Equal(3, spawner.JobIds.Count);
        Assert.Equal(spawner.JobIds, _store.JobIds(Org));
        Assert.Equal(
            [start + Every, start + (Every * 2), start + (Every * 3)],
            spawner.JobIds.Select(id => _store.Describe(Org, id)!.StartTime));
    }

    [Fact]
    public void Start_AdvanceOnePeriodAtATime_OneJobPerPeriod()
    {
        using var spawner = JobSpawner.Start(_store, Org, Every);

        var counts = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            _time.Advance(Every);
            counts.Add(_store.JobIds(Org).Count);
        }

        Assert.Equal([1, 2, 3, 4], counts);
    }

    [Fact]
    public void Dispose_ThenAdvance_NoMoreJobs()
    {
        var spawner = JobSpawner.Start(_store, Org, Every);
        _time.Advance(Every * 2);

        spawner.Dispose();
        spawner.Dispose();
        _time.Advance(Every * 10);

        Assert.Equal(2, _store.JobIds(Org).Count);
        Assert.Equal(2, spawner.JobIds.Count);
    }

    [Fact]
    public void Start_ManyPeriods_FewMinuteJobsMostlyCompletingSomeFailingWithErrorInfo()
    {
        using var spawner = JobSpawner.Start(_store, Org, Every);

        _time.Advance(Every * 200);
        spawner.Dispose();
        _time.Advance(TimeSpan.FromMinutes(10));
        var views = spawner.JobIds.Select(id => _store.Describe(Org, id)!).ToList();

        Assert.Equal(200, views.Count);
        Assert.All(views, v => Assert.InRange((v.EndTime - v.StartTime)!.Value, TimeSpan.Zero, TimeSpan.FromMinutes(8)));
        Assert.InRange(views.Count(v => v.State == "COMPLETED"), 150, 210);
        Assert.InRange(views.Count(v => v.State == "FAILED"), 10, 60);
        Assert.InRange(views.Count(v => v.State == "CANCELLED"), 1, 25);
        Assert.All(views.Where(v => v.State == "FAILED"), v => Assert.False(string.IsNullOrWhiteSpace(v.ErrorInfo)));
        Assert.All(views, v => Assert.StartsWith("Offboarding export: ", v.Description, StringComparison.Ordinal));
    }

    [Fact]
    public void Start_NewJob_RunningUntilItsDurationPasses()
    {
        using var spawner = JobSpawner.Start(_store, Org, Every);

        _time.Advance(Every);
        var first = _store.Describe(Org, spawner.JobIds[0])!;

        Assert.Equal(("RUNNING", 0), (first.State, first.EstimatedProgress));
    }

    [Fact]
    public void Start_SameSeed_SameDurationsAndOutcomes()
    {
        var otherStore = new SimulatorStore(_time);
        otherStore.AddOrganization(Org);
        using var first = JobSpawner.Start(_store, Org, Every, seed: 7);
        using var second = JobSpawner.Start(otherStore, Org, Every, seed: 7);

        _time.Advance(Every * 40);
        _time.Advance(TimeSpan.FromMinutes(10));

        Assert.Equal(Shapes(_store, first), Shapes(otherStore, second));
    }

    [Fact]
    public void Spawn_OrganizationRemoved_AddsNothingAndDoesNotRecreateIt()
    {
        using var spawner = JobSpawner.Start(_store, Org, Every);
        _time.Advance(Every);

        _store.RemoveOrganization(Org);
        _time.Advance(Every * 3);

        Assert.Single(spawner.JobIds);
        Assert.Empty(_store.OrganizationIds);
    }

    [Fact]
    public void Start_UnknownOrganization_ThrowsKeyNotFound()
    {
        Assert.Throws<KeyNotFoundException>(() => JobSpawner.Start(_store, "m-fedcba9876543210fedcba9876543210", Every));
    }

    [Fact]
    public void Start_NonPositivePeriod_ThrowsArgumentOutOfRange()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => JobSpawner.Start(_store, Org, TimeSpan.Zero));
    }

    private static List<(string State, int Progress, TimeSpan? Length, string? ErrorInfo)> Shapes(SimulatorStore store, JobSpawner spawner) =>
        [.. spawner.JobIds.Select(id => store.Describe(Org, id)!).Select(v => (v.State, v.EstimatedProgress, v.EndTime - v.StartTime, v.ErrorInfo))];
}
