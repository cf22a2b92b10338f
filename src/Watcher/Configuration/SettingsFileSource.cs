using Microsoft.Extensions.Configuration.Json;

namespace Watcher.Configuration;

/// <summary>A JSON settings file that <see cref="SettingsReloadService"/> reloads, in place of the host's own reloading source.</summary>
public sealed class SettingsFileSource : JsonConfigurationSource
{
    /// <summary>The file's absolute path, read again at every load, so that whatever it leads to now is read.</summary>
    public required string FullPath { get; init; }

    public override IConfigurationProvider Build(IConfigurationBuilder builder) => new SettingsFileProvider(this);
}
