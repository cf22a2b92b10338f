using System.Globalization;
using Watcher.Coverage;
using Watcher.Simulator;

namespace Watcher.Bench.Seeding;

/// <summary>
/// Seeds the directory of the organization the coverage section watches, around a number of counted mailboxes:
/// 84 % ENABLED and 8 % DISABLED users, 8 % rooms and equipment; beside them, entries that must not count (two
/// SYSTEM_USERs, REMOTE_USERs for 2 % and DELETED users for 5 % of the mailboxes, DELETED resources for 1 %).
/// Half the mailboxes were exported before the 7 days the listing shows (remembered by the store), a tenth have a
/// completed export job in the listing (a quarter of those named by email), 1 % a failed job and 2 % a running one;
/// every fourth deleted user was exported before it was deleted, as offboarding does. Without listed jobs, the
/// same directory has every completion in the store and no job at all: the mailbox series without the job series.
/// </summary>
internal static class BenchDirectory
{
    private const string Domain = "bench-coverage.awsapps.com";

    public static BenchDirectorySeed Seed(SimulatorStore store, string organizationId, int mailboxes, bool listedJobs = true)
    {
        ArgumentNullException.ThrowIfNull(store);
        store.AddOrganization(organizationId, alias: "bench-coverage");
        var now = store.TimeProvider.GetUtcNow();
        var users = new List<SimulatedUser>(mailboxes + (mailboxes / 10));
        var resources = new List<SimulatedResource>(mailboxes / 10);
        var jobs = new List<SimulatedJob>(mailboxes / 5);
        var remembered = new List<Completion>(mailboxes / 2);

        for (var i = 0; i < mailboxes; i++)
        {
            string id;
            string email;
            if (i % 25 < 2)
            {
                id = "r-" + i.ToString("x32", CultureInfo.InvariantCulture);
                var name = (i % 2 == 0 ? "room-" : "equipment-") + N(i);
                email = name + "@" + Domain;
                resources.Add(new SimulatedResource
                {
                    Id = id,
                    Name = name,
                    Email = email,
                    Type = i % 2 == 0 ? SimulatedDirectory.Room : SimulatedDirectory.Equipment,
                    State = i % 50 == 0 ? SimulatedDirectory.Disabled : SimulatedDirectory.Enabled,
                });
            }
            else
            {
                id = UserId(1, i);
                email = "user." + N(i) + "@" + Domain;
                users.Add(new SimulatedUser
                {
                    Id = id,
                    Name = "user." + N(i),
                    Email = email,
                    DisplayName = "Bench User " + N(i),
                    State = i % 25 < 4 ? SimulatedDirectory.Disabled : SimulatedDirectory.Enabled,
                });
            }

            // Spread over the mailboxes so that every kind and state has its share of each export outcome.
            var slot = (int)((i * 7919L) % 100);
            var entity = i % 4 == 0 ? email : id;
            switch (slot)
            {
                case < 50:
                    remembered.Add(Remembered(organizationId, id, i, now - TimeSpan.FromDays(8 + (i % 80))));
                    break;
                case < 60 when !listedJobs:
                    remembered.Add(Remembered(organizationId, id, i, now - TimeSpan.FromDays(1 + (i % 6))));
                    break;
                case >= 60 when !listedJobs:
                    break;
                case < 60:
                    jobs.Add(Job(entity, i, SimulatedOutcome.Complete));
                    break;
                case 60:
                    jobs.Add(Job(entity, i, SimulatedOutcome.Fail) with { OutcomeAtProgress = 40, ErrorInfo = "Access denied to the S3 bucket." });
                    break;
                case < 63:
                    jobs.Add(Job(entity, i, SimulatedOutcome.RunForever) with { Duration = TimeSpan.FromDays(30) });
                    break;
            }
        }

        users.Add(new SimulatedUser { Id = UserId(2, 0), Name = "workmail-system", UserRole = SimulatedDirectory.SystemUser });
        users.Add(new SimulatedUser { Id = UserId(2, 1), Name = "workmail-system-2", UserRole = SimulatedDirectory.SystemUser });
        for (var i = 0; i < mailboxes / 50; i++)
        {
            users.Add(new SimulatedUser
            {
                Id = UserId(3, i),
                Name = "remote." + N(i),
                Email = "remote." + N(i) + "@contoso.example",
                UserRole = SimulatedDirectory.RemoteUser,
            });
        }

        for (var i = 0; i < mailboxes / 20; i++)
        {
            var id = UserId(4, i);
            users.Add(new SimulatedUser { Id = id, Name = "left." + N(i), Email = "left." + N(i) + "@" + Domain, State = SimulatedDirectory.Deleted });
            if (i % 4 == 0 && listedJobs)
            {
                jobs.Add(Job(id, mailboxes + i, SimulatedOutcome.Complete));
            }
        }

        for (var i = 0; i < mailboxes / 100; i++)
        {
            resources.Add(new SimulatedResource
            {
                Id = "r-" + (mailboxes + i).ToString("x32", CultureInfo.InvariantCulture),
                Name = "old-room-" + N(i),
                State = SimulatedDirectory.Deleted,
            });
        }

        store.AddUsers(organizationId, users);
        store.AddResources(organizationId, resources);
        store.AddJobs(organizationId, jobs);
        return new BenchDirectorySeed(mailboxes, users.Count + resources.Count, jobs.Count, remembered);
    }

    private static Completion Remembered(string organizationId, string id, int index, DateTimeOffset endTime) =>
        new(organizationId, id, "bench-old-" + N(index), endTime, "workmail-exports-111122223333", "mailbox-exports/" + id + ".zip", "bench export " + N(index));

    private static SimulatedJob Job(string entityId, int index, SimulatedOutcome outcome) => new()
    {
        EntityId = entityId,
        Description = "bench export " + N(index),

        // Within the listing's 7 days and at least an hour ago, so that a 30-minute export has ended.
        StartOffset = -(TimeSpan.FromHours(1) + (TimeSpan.FromDays(6) * ((index * 7919L) % 1_000) / 1_000)),
        Duration = TimeSpan.FromMinutes(30),
        Outcome = outcome,
    };

    /// <summary>A UUID, as WorkMail gives users, distinct per group and index.</summary>
    private static string UserId(int group, int index) =>
        string.Create(CultureInfo.InvariantCulture, $"{index:x8}-b{group:x3}-4000-8000-00000000c0e7");

    private static string N(int index) => index.ToString("D6", CultureInfo.InvariantCulture);
}
