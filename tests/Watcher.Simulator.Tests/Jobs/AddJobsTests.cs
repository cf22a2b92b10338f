using Microsoft.Extensions.Time.Testing;

namespace Watcher.Simulator.Tests.Jobs;

public class AddJobsTests
{
    private const string Org = "m-0123456789abcdef0123456789abcdef";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly SimulatorStore _store;

    public AddJobsTests()
    {
        _store = new SimulatorStore(_time);
    }

    [Fact]
    public void AddJobs_ValidBatch_ReturnsIdsInInputOrderAndAddsOrganization()
    {
        var ids = _store.AddJobs(Org, [new SimulatedJob { JobId = "b" }, new SimulatedJob(), new SimulatedJob { JobId = "a" }]);

        Assert.Equal(3, ids.Count);
        Assert.Equal("b", ids[0]);
        Assert.True(Guid.TryParse(ids[1], out _));
        Assert.Equal("a", ids[2]);
        Assert.Equal([Org], _store.OrganizationIds);
        Assert.Equal(ids.Order(StringComparer.Ordinal), _store.JobIds(Org).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AddJobs_DuplicateWithinBatch_ThrowsAndAddsNothing()
    {
        Assert.Throws<ArgumentException>(() => _store.AddJobs(Org, [new SimulatedJob { JobId = "x" }, new SimulatedJob { JobId = "x" }]));

        Assert.Empty(_store.OrganizationIds);
    }

    [Fact]
    public void AddJobs_JobIdAlreadyInOrganization_ThrowsAndAddsNothing()
    {
        _store.AddJob(Org, new SimulatedJob { JobId = "taken" });

        var error = Assert.Throws<ArgumentException>(() => _store.AddJobs(Org, [new SimulatedJob { JobId = "fresh" }, new SimulatedJob { JobId = "taken" }]));

        Assert.Contains("taken", error.Message, StringComparison.Ordinal);
        Assert.Equal(["taken"], _store.JobIds(Org));
    }

    [Fact]
    public void AddJobs_InvalidJob_ThrowsNamingMemberAndAddsNothing()
    {
        var error = Assert.Throws<ArgumentException>(() => _store.AddJobs(Org, [new SimulatedJob(), new SimulatedJob { S3BucketName = "" }]));

        Assert.Contains("S3BucketName", error.Message, StringComparison.Ordinal);
        Assert.Empty(_store.JobIds(Org));
    }
}
