using System.Collections.Immutable;
using Watcher.Clients;
using Watcher.Coverage;
using Watcher.Health;
using Watcher.Jobs;

namespace Watcher.Web;

/// <summary>Everything the status page shows, read once per request so that the page is consistent.</summary>
/// <param name="RefreshSeconds">The page reloads itself this often; 0 turns that off.</param>
internal sealed record StatusPageModel(
    IReadOnlyCollection<ExportJobSnapshot> Jobs,
    ImmutableDictionary<string, OrganizationSnapshot> Organizations,
    ApiActivitySnapshot Activity,
    bool IsReady,
    DateTimeOffset Now,
    int RefreshSeconds,
    ImmutableDictionary<string, CoverageScanState>? Coverage = null)
{
    /// <summary>What WorkMail calls fail for credentials now (<see cref="CredentialHealth"/>).</summary>
    public IReadOnlyList<CredentialProblem> CredentialProblems { get; init; } = [];

    /// <summary>Where completed exports are remembered (null: in memory only), when coverage is on.</summary>
    public string? CoverageStorePath { get; init; }

    /// <summary>Whether the completion store works; null when coverage is off.</summary>
    public CompletionStoreHealth? CoverageStoreHealth { get; init; }
}
