using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using Watcher.Simulator.Tests.Infrastructure;

namespace Watcher.Simulator.Tests.Operations;

public class ListManyJobsTests
{
    [Fact]
    public async Task List_300JobsWithTiesAddedOutOfOrder_PagesCoverEveryJobOnceInListOrder()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        // Shuffled start offsets with many ties, so that both the insert position and the tie order are exercised.
        var jobs = Enumerable.Range(0, 300)
            .Select(i => new SimulatedJob { JobId = $"job-{i:000}", StartOffset = TimeSpan.FromMinutes(-((i * 37) % 100)), Duration = TimeSpan.FromMinutes(5) })
            .ToList();
        harness.Store.AddJobs(TestData.OrganizationId, jobs);

        var pages = new List<List<string>>();
        string? token = null;
        do
        {
            var response = await harness.Client.CallAsync("ListMailboxExportJobs", token is null
                ? new { OrganizationId = TestData.OrganizationId }
                : (object)new { OrganizationId = TestData.OrganizationId, NextToken = token });
            pages.Add([.. response.Json.GetProperty("Jobs").EnumerateArray().Select(j => j.GetProperty("JobId").GetString()!)]);
            token = response.Json.TryGetProperty("NextToken", out var next) ? next.GetString() : null;
        }
        while (token is not null);

        var expected = jobs
            .OrderByDescending(j => j.StartOffset)
            .ThenBy(j => j.JobId, StringComparer.Ordinal)
            .Select(j => j.JobId!);
        Assert.Equal([100, 100, 100], pages.Select(p => p.Count));
        Assert.Equal(expected, pages.SelectMany(p => p));
    }

    [Fact]
    public void List_PagingThrough20000Jobs_StaysFast()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        var store = new SimulatorStore(time);
        const string Org = "m-0123456789abcdef0123456789abcdef";
        store.AddJobs(Org, Enumerable.Range(0, 20_000).Select(i => new SimulatedJob { StartOffset = TimeSpan.FromSeconds(-i) }));

        var stopwatch = Stopwatch.StartNew();
        var seen = 0;
        var page = store.List(Org, null, 100)!;
        seen += page.Jobs.Count;
        while (page.Next is { } next)
        {
            page = store.List(Org, next, 100)!;
            seen += page.Jobs.Count;
        }

        stopwatch.Stop();
        Assert.Equal(20_000, seen);
        // A re-sort per page would take tens of seconds here; a generous bound keeps slow machines green.
        Assert.InRange(stopwatch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(5));
    }
}
