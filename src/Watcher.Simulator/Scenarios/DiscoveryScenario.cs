using Watcher.Simulator.Jobs;

namespace Watcher.Simulator.Scenarios;

/// <summary>
/// The discovery demo: an off-boarding organization with about forty jobs over the last days, in every state,
/// a few older than the list window. Drawn from a fixed seed, so ids and shapes repeat from run to run.
/// </summary>
internal static class DiscoveryScenario
{
    private const int RandomSeed = 20260302;

    public static void Seed(SimulatorStore store, string organizationId, string alias)
    {
        store.AddOrganization(organizationId, alias);
        var random = new Random(RandomSeed);
        var jobs = Plan(random).Select(p => OffboardingJobs.Create(
            random, OffboardingJobs.NewGuid(random).ToString(), p.StartOffset, p.Duration, p.Outcome));
        store.AddJobs(organizationId, [.. jobs]);
    }

    private static IEnumerable<(TimeSpan StartOffset, TimeSpan Duration, SimulatedOutcome Outcome)> Plan(Random random)
    {
        // Running, at different speeds: each is younger than its duration.
        foreach (var (minutesAgo, duration) in (IEnumerable<(int, TimeSpan)>)[
            (1, TimeSpan.FromMinutes(4)), (2, TimeSpan.FromMinutes(12)), (5, TimeSpan.FromMinutes(25)),
            (9, TimeSpan.FromMinutes(30)), (20, TimeSpan.FromMinutes(90)), (35, TimeSpan.FromHours(3))])
        {
            yield return (TimeSpan.FromMinutes(-minutesAgo), duration, SimulatedOutcome.Complete);
        }

        foreach (var ago in (IEnumerable<TimeSpan>)[TimeSpan.FromHours(3), TimeSpan.FromDays(1), TimeSpan.FromHours(52), TimeSpan.FromDays(4)])
        {
            yield return (-ago, TimeSpan.FromMinutes(random.Next(20, 61)), SimulatedOutcome.Fail);
        }

        yield return (TimeSpan.FromHours(-6), TimeSpan.FromHours(1), SimulatedOutcome.Cancel);
        yield return (TimeSpan.FromDays(-3), TimeSpan.FromHours(2), SimulatedOutcome.Cancel);

        // Ended before the 7-day list window: Describe finds them, List does not.
        foreach (var (daysAgo, outcome) in (IEnumerable<(double, SimulatedOutcome)>)[
            (7.1, SimulatedOutcome.Complete), (8, SimulatedOutcome.Complete), (9, SimulatedOutcome.Fail), (10, SimulatedOutcome.Complete)])
        {
            yield return (TimeSpan.FromDays(-daysAgo), TimeSpan.FromMinutes(random.Next(5, 61)), outcome);
        }

        // Completed history, spread over the last six and a half days.
        for (var i = 0; i < 24; i++)
        {
            yield return (-(TimeSpan.FromMinutes(75) + (TimeSpan.FromHours(6.4) * i)), TimeSpan.FromMinutes(random.Next(5, 61)), SimulatedOutcome.Complete);
        }
    }
}
