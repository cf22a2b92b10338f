using System.Globalization;

namespace Watcher.Configuration;

/// <summary>
/// Reads a configuration section against <see cref="SettingsSchema"/> before it is bound: every key must be a setting
/// (with a did-you-mean when one is close), and every value must convert to its setting's type. Each problem is one
/// message that starts with the key path and shows what to write. Durations are handed to the binder in .NET's form,
/// and values that do not convert are handed on as unset, so binding itself never fails.
/// </summary>
internal static class SettingsReader
{
    private const int MaxValueShown = 80;

    /// <param name="Problems">One message per problem, in key order.</param>
    /// <param name="Overrides">Values to bind in place of the configuration's: normalised durations, and null for what does not convert.</param>
    internal readonly record struct Reading(IReadOnlyList<string> Problems, IReadOnlyDictionary<string, string?> Overrides);

    public static Reading Read(IConfiguration configuration, string section, SettingNode schema)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var root = new KeyTree(section);
        // Sorted as the binder sorts them, so the problems come in the order of the settings (Jobs:2 before Jobs:10).
        foreach (var key in ConfigurationKeys.Under(configuration, section).Order(ConfigurationKeyComparer.Instance))
        {
            root.Add(key);
        }

        var problems = new List<string>();
        var overrides = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        Check(configuration, root, schema, problems, overrides);
        return new Reading(problems, overrides);
    }

    private static void Check(IConfiguration configuration, KeyTree keys, SettingNode schema, List<string> problems, Dictionary<string, string?> overrides)
    {
        var value = configuration[keys.Path];
        if (schema.ValueType is { } type)
        {
            if (keys.Children.Count > 0)
            {
                problems.Add($"{keys.Children.Values.First().Path} is not a setting; {keys.Path} is a value, with nothing under it");
            }

            // An empty value is no value: the default applies, as the chart's left-out settings expect.
            if (string.IsNullOrEmpty(value))
            {
                return;
            }

            if (TryConvert(value, type, schema.DefaultValue, out var normalised, out var problem))
            {
                if (normalised is not null)
                {
                    overrides[keys.Path] = normalised;
                }
            }
            else
            {
                problems.Add($"{keys.Path}: {problem}");
                overrides[keys.Path] = null;
            }

            return;
        }

        if (!string.IsNullOrWhiteSpace(value))
        {
            problems.Add($"{keys.Path} is {schema.Kind} of settings, so it takes no value of its own, but was '{Shorten(value)}'");
        }

        foreach (var child in keys.Children.Values)
        {
            if (schema.Element is { } element)
            {
                if (IsIndex(child.Name))
                {
                    Check(configuration, child, element, problems, overrides);
                }
                else
                {
                    problems.Add($"{child.Path} is not a setting; {keys.Path} is a list, numbered from 0, as in {keys.Path}:0{(element.Children is null ? string.Empty : $":{element.Children.Keys.First()}")}");
                }
            }
            else if (schema.Children!.TryGetValue(child.Name, out var known))
            {
                Check(configuration, child, known, problems, overrides);
            }
            else
            {
                problems.Add(Unknown(child, keys.Path, schema));
            }
        }
    }

    private static string Unknown(KeyTree key, string parentPath, SettingNode parent)
    {
        var close = Suggestions.Closest(key.Name, parent.Children!.Keys);
        if (close is not null)
        {
            return $"{key.Path} is not a setting; did you mean {parentPath}:{close}?";
        }

        // A setting of another section, e.g. Watcher:Region for Watcher:Aws:Region.
        var elsewhere = Elsewhere(key.Name, WatcherOptions.SectionName, SettingsSchema.Watcher).FirstOrDefault();
        return elsewhere is not null
            ? $"{key.Path} is not a setting; did you mean {elsewhere}?"
            : $"{key.Path} is not a setting; {parentPath} takes {string.Join(", ", parent.Children!.Keys)}";
    }

    /// <summary>The paths, outside lists, of settings named <paramref name="name"/>.</summary>
    private static IEnumerable<string> Elsewhere(string name, string path, SettingNode node)
    {
        foreach (var (childName, child) in node.Children ?? new Dictionary<string, SettingNode>())
        {
            var childPath = $"{path}:{childName}";
            if (string.Equals(childName, name, StringComparison.OrdinalIgnoreCase))
            {
                yield return childPath;
            }

            foreach (var deeper in Elsewhere(name, childPath, child))
            {
                yield return deeper;
            }
        }
    }

    private static bool TryConvert(string value, Type type, object? defaultValue, out string? normalised, out string? problem)
    {
        normalised = null;
        problem = null;
        var text = value.Trim();
        var example = Convert.ToString(defaultValue, CultureInfo.InvariantCulture);
        if (type == typeof(string))
        {
            return true;
        }

        if (type == typeof(TimeSpan))
        {
            if (Durations.TryParse(value, out var duration, out problem))
            {
                normalised = duration.ToString("c", CultureInfo.InvariantCulture);
                return true;
            }

            return false;
        }

        if (type == typeof(bool))
        {
            problem = bool.TryParse(text, out _) ? null : $"'{Shorten(value)}' is not true or false";
        }
        else if (type == typeof(int) || type == typeof(long))
        {
            problem = long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && (type == typeof(long) || number is >= int.MinValue and <= int.MaxValue)
                ? null
                : text.All(char.IsAsciiDigit) && text.Length > 0 ? $"'{Shorten(value)}' is too large; write a whole number such as {example}"
                : $"'{Shorten(value)}' is not a whole number; write e.g. {example}";
        }
        else if (type == typeof(double) || type == typeof(float) || type == typeof(decimal))
        {
            problem = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
                ? null
                : $"'{Shorten(value)}' is not a number; write e.g. {example} or 0.5";
        }
        else if (type.IsEnum)
        {
            problem = Enum.TryParse(type, text, ignoreCase: true, out var parsed) && Enum.IsDefined(type, parsed!)
                ? null
                : $"'{Shorten(value)}' is not one of {string.Join(", ", Enum.GetNames(type))}";
        }

        return problem is null;
    }

    private static bool IsIndex(string name) => name.Length is > 0 and < 10 && name.All(char.IsAsciiDigit);

    private static string Shorten(string value) => value.Length <= MaxValueShown ? value : string.Concat(value.AsSpan(0, MaxValueShown), "...");

    /// <summary>The keys found, as a tree of path segments named as the source wrote them.</summary>
    private sealed class KeyTree(string path)
    {
        public string Path { get; } = path;

        public string Name => ConfigurationPath.GetSectionKey(Path);

        public Dictionary<string, KeyTree> Children { get; } = new(StringComparer.OrdinalIgnoreCase);

        public void Add(string key)
        {
            if (key.Length <= Path.Length)
            {
                return;
            }

            var node = this;
            foreach (var segment in key[(Path.Length + 1)..].Split(ConfigurationPath.KeyDelimiter))
            {
                if (!node.Children.TryGetValue(segment, out var child))
                {
                    child = new KeyTree($"{node.Path}{ConfigurationPath.KeyDelimiter}{segment}");
                    node.Children.Add(segment, child);
                }

                node = child;
            }
        }
    }
}
