using System.Globalization;
using Watcher.Simulator.Jobs;

namespace Watcher.Simulator.Scenarios;

/// <summary>
/// A demo organization's users and resources, drawn from a fixed seed so that ids and names repeat from run to run:
/// one SYSTEM_USER, a few REMOTE_USERs, some DELETED and DISABLED users, the rest ENABLED, and six rooms and equipment.
/// The mailboxes its export jobs name come first, so the demo shows mailboxes exported, failed and never started.
/// </summary>
internal static class DemoDirectory
{
    private static readonly string[] FirstNames =
    [
        "aisha", "ben", "carmen", "dmitri", "elena", "farid", "grace", "hiro", "ines", "jonas", "kemi", "lucas", "maya",
        "nikhil", "olga", "pedro", "quinn", "rosa", "sven", "tariq", "uma", "victor", "wen", "ximena", "yusuf", "zoe",
    ];

    private static readonly string[] LastNames =
    [
        "adeyemi", "bergstrom", "castillo", "dubois", "eriksen", "fischer", "garcia", "haddad", "ivanova", "jensen",
        "kowalski", "larsen", "moreau", "nakamura", "oconnell", "patel", "quinn", "rossi", "schmidt", "tanaka",
        "umarov", "varga", "wolff", "xu", "yamamoto", "zielinski", "alvarez", "chen", "okafor", "nguyen",
    ];

    /// <param name="users">Users in all, every role and state included.</param>
    public static void Seed(SimulatorStore store, string organizationId, string alias, int users, int seed)
    {
        var random = new Random(seed);
        var now = store.TimeProvider.GetUtcNow();
        var domain = $"{alias}.awsapps.com";
        var exported = new Queue<string>(store.JobEntityIds(organizationId));
        var names = new HashSet<string>(StringComparer.Ordinal);
        var seeded = new List<SimulatedUser>(users)
        {
            new()
            {
                Id = OffboardingJobs.NewGuid(random).ToString(),
                Name = "workmail-system",
                DisplayName = "WorkMail system user",
                UserRole = SimulatedDirectory.SystemUser,
                EnabledDate = now - TimeSpan.FromDays(2000),
            },
        };

        var remote = Math.Max(2, users / 40);
        var deleted = users / 25;
        var disabled = users / 16;
        for (var i = 1; i < users; i++)
        {
            var name = UniqueName(random, names);
            var enabledDate = now - TimeSpan.FromDays(random.Next(30, 2000)) - TimeSpan.FromMinutes(random.Next(0, 1440));
            var user = new SimulatedUser
            {
                Id = exported.Count > 0 ? exported.Dequeue() : OffboardingJobs.NewGuid(random).ToString(),
                Name = name,
                Email = $"{name}@{domain}",
                DisplayName = DisplayName(name),
                EnabledDate = enabledDate,
            };

            // Exported mailboxes stay plain ENABLED users; the other roles and states come from the end of the list.
            var fromEnd = users - i;
            user = fromEnd switch
            {
                _ when fromEnd <= remote => user with { UserRole = SimulatedDirectory.RemoteUser, Email = $"{name}@contoso.example" },
                _ when fromEnd <= remote + deleted => user with { State = SimulatedDirectory.Deleted, DisabledDate = Disabled(random, now) },
                _ when fromEnd <= remote + deleted + disabled => user with { State = SimulatedDirectory.Disabled, DisabledDate = Disabled(random, now) },
                _ => user,
            };
            seeded.Add(user);
        }

        store.AddUsers(organizationId, seeded);
        store.AddResources(organizationId, Resources(random, domain, now));
    }

    private static SimulatedResource[] Resources(Random random, string domain, DateTimeOffset now)
    {
        (string Name, string Type, string Description)[] plan =
        [
            ("boardroom", SimulatedDirectory.Room, "Boardroom, 14 seats"),
            ("room-3a", SimulatedDirectory.Room, "Meeting room 3A, 6 seats"),
            ("room-3b", SimulatedDirectory.Room, "Meeting room 3B, 6 seats"),
            ("training-room", SimulatedDirectory.Room, "Training room, 20 seats"),
            ("projector-1", SimulatedDirectory.Equipment, "Portable projector"),
            ("pool-car-2", SimulatedDirectory.Equipment, "Pool car"),
        ];
        return
        [
            .. plan.Select((r, i) => new SimulatedResource
            {
                Id = OffboardingJobs.NewGuid(random).ToString(),
                Name = r.Name,
                Email = $"{r.Name}@{domain}",
                Type = r.Type,
                Description = r.Description,
                EnabledDate = now - TimeSpan.FromDays(random.Next(200, 1500)),

                // One room was taken out of service: DISABLED, still a mailbox to export.
                State = i == 2 ? SimulatedDirectory.Disabled : SimulatedDirectory.Enabled,
                DisabledDate = i == 2 ? Disabled(random, now) : null,
            }),
        ];
    }

    private static string UniqueName(Random random, HashSet<string> taken)
    {
        var name = $"{FirstNames[random.Next(FirstNames.Length)]}.{LastNames[random.Next(LastNames.Length)]}";
        var candidate = name;
        for (var n = 2; !taken.Add(candidate); n++)
        {
            candidate = string.Create(CultureInfo.InvariantCulture, $"{name}{n}");
        }

        return candidate;
    }

    private static string DisplayName(string name) =>
        string.Join(' ', name.TrimEnd('0', '1', '2', '3', '4', '5', '6', '7', '8', '9').Split('.').Select(part => char.ToUpperInvariant(part[0]) + part[1..]));

    private static DateTimeOffset Disabled(Random random, DateTimeOffset now) =>
        now - TimeSpan.FromDays(random.Next(1, 120)) - TimeSpan.FromMinutes(random.Next(0, 1440));
}
