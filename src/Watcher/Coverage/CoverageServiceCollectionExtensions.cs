using Microsoft.Extensions.Options;
using Watcher.Configuration;

namespace Watcher.Coverage;

public static class CoverageServiceCollectionExtensions
{
    /// <summary>
    /// The memory of completed exports: the SQLite store at <c>Watcher:Coverage:StorePath</c> (memory only without
    /// one, or when coverage is off), the recorder the polls hand completions to, and the service that writes them.
    /// </summary>
    public static IServiceCollection AddCoverage(this IServiceCollection services)
    {
        services.AddSingleton<ICompletionStore>(s =>
        {
            var coverage = s.GetRequiredService<IOptions<WatcherOptions>>().Value.Coverage;
            return coverage.Enabled && !string.IsNullOrEmpty(coverage.StorePath)
                ? new SqliteCompletionStore(coverage.StorePath, coverage.Interval, s.GetRequiredService<TimeProvider>(), s.GetRequiredService<ILogger<SqliteCompletionStore>>())
                : new NoCompletionStore();
        });
        services.AddSingleton<CompletionRecorder>();
        services.AddSingleton<CoverageStore>();
        services.AddSingleton<CoverageScanner>();
        services.AddHostedService<CompletionRecorderService>();
        return services;
    }
}
