using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace Watcher.Configuration;

/// <summary>The app's configuration as far as its reloads go: the settings files it reloads, and the reload itself.</summary>
public sealed class SettingsFiles(IConfiguration configuration)
{
    private readonly IConfigurationRoot? _root = configuration as IConfigurationRoot;

    public IReadOnlyList<SettingsFileProvider> Files => [.. _root?.Providers.OfType<SettingsFileProvider>() ?? []];

    /// <summary>Why the last reload of each bad file kept its previous data, naming the file; empty when all loaded.</summary>
    public IReadOnlyList<string> Problems => [.. Files.Select(f => f.Problem).OfType<string>()];

    /// <summary>Reads every source again (files, environment, command line) and raises one change.</summary>
    public void Reload() => _root?.Reload();

    /// <summary>
    /// Puts a <see cref="SettingsFileSource"/> in place of each JSON file the host would reload on its own (its
    /// watcher follows the file's name, and misses a ConfigMap update), keeping its order among the sources.
    /// </summary>
    /// <exception cref="InvalidDataException">A file no longer loads.</exception>
    public static void TakeOverReloading(IConfigurationBuilder configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        for (var i = 0; i < configuration.Sources.Count; i++)
        {
            if (configuration.Sources[i] is JsonConfigurationSource { ReloadOnChange: true, FileProvider: PhysicalFileProvider files, Path: { } path } json
                and not SettingsFileSource)
            {
                configuration.Sources[i] = new SettingsFileSource
                {
                    FullPath = Path.GetFullPath(path, files.Root),
                    Path = path,
                    Optional = json.Optional,
                    FileProvider = files,
                };
            }
        }
    }
}
