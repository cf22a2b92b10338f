using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;

namespace Watcher.Configuration;

/// <summary>
/// Binds the <c>Watcher</c> section after <see cref="SettingsReader"/> has read it, then reports what it found as the
/// first validation failures: unknown keys, and values that do not convert, each starting with its key path. So a
/// misspelt key stops the start (and is a rejected reload) instead of silently leaving a default in force, and the
/// binder never throws its own <c>Failed to convert configuration value</c> message.
/// </summary>
public sealed class WatcherOptionsBinder(IConfiguration configuration) : IConfigureOptions<WatcherOptions>, IValidateOptions<WatcherOptions>
{
    // Keyed by the instance, because the factory configures and validates the same one, and reloads may overlap.
    private readonly ConditionalWeakTable<WatcherOptions, IReadOnlyList<string>> _problems = [];

    public void Configure(WatcherOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var reading = SettingsReader.Read(configuration, WatcherOptions.SectionName, SettingsSchema.Watcher);
        if (reading.Overrides.Count == 0)
        {
            configuration.GetSection(WatcherOptions.SectionName).Bind(options);
        }
        else
        {
            using var withOverrides = (ConfigurationRoot)new ConfigurationBuilder()
                .AddConfiguration(configuration, shouldDisposeConfiguration: false)
                .AddInMemoryCollection(reading.Overrides)
                .Build();
            withOverrides.GetSection(WatcherOptions.SectionName).Bind(options);
        }

        _problems.AddOrUpdate(options, reading.Problems);
    }

    public ValidateOptionsResult Validate(string? name, WatcherOptions options) =>
        options is not null && _problems.TryGetValue(options, out var problems) && problems.Count > 0
            ? ValidateOptionsResult.Fail(problems)
            : ValidateOptionsResult.Success;
}
