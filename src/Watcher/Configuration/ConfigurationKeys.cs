using Microsoft.Extensions.Configuration.Memory;

namespace Watcher.Configuration;

/// <summary>
/// Every key under a section, as written in its source. Walking the tree with <c>GetChildren</c> makes each provider
/// scan all its keys once per node, which for 10 000 configured jobs is seconds; the sources that hold many keys
/// (settings files, in-memory collections) are read whole instead, once each.
/// </summary>
internal static class ConfigurationKeys
{
    public static IReadOnlyCollection<string> Under(IConfiguration configuration, string section)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (configuration is IConfigurationRoot root)
        {
            foreach (var provider in root.Providers)
            {
                AddFrom(provider, section, keys);
            }
        }
        else
        {
            Walk(section, p => configuration.GetSection(p).GetChildren().Select(c => c.Key), keys);
        }

        return keys;
    }

    private static void AddFrom(IConfigurationProvider provider, string section, HashSet<string> keys)
    {
        IEnumerable<string>? all = provider switch
        {
            SettingsFileProvider file => file.Keys,
            MemoryConfigurationProvider memory => memory.Select(pair => pair.Key),
            ChainedConfigurationProvider chained => Under(chained.Configuration, section),
            _ => null,
        };
        if (all is null)
        {
            Walk(section, p => provider.GetChildKeys([], p), keys);
            return;
        }

        var prefix = section + ConfigurationPath.KeyDelimiter;
        keys.UnionWith(all.Where(k => k.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) || string.Equals(k, section, StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>Adds every key below <paramref name="path"/>, <paramref name="path"/> included, that <paramref name="children"/> leads to.</summary>
    private static void Walk(string path, Func<string, IEnumerable<string>> children, HashSet<string> keys)
    {
        keys.Add(path);
        foreach (var child in children(path).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            Walk(ConfigurationPath.Combine(path, child), children, keys);
        }
    }
}
