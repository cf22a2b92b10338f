using Watcher.Coverage;

namespace Watcher.Bench.Seeding;

/// <summary>What <see cref="BenchDirectory"/> seeded: the counted mailboxes among the listed entries, the export jobs, and the completions older than the listing.</summary>
internal sealed record BenchDirectorySeed(int Mailboxes, int Listed, int Jobs, IReadOnlyList<Completion> Remembered);
