namespace Watcher.Configuration;

/// <summary>
/// One key of the settings Watcher binds: a section of named settings (<see cref="Children"/>), a list numbered from 0
/// (<see cref="Element"/>), or a value of <see cref="ValueType"/>.
/// </summary>
internal sealed class SettingNode
{
    /// <summary>The names a section takes, with their C# spelling, looked up without regard to case as the binder does.</summary>
    public IReadOnlyDictionary<string, SettingNode>? Children { get; init; }

    public SettingNode? Element { get; init; }

    /// <summary>The value's type, nullable unwrapped.</summary>
    public Type? ValueType { get; init; }

    /// <summary>The value a new options object has, shown as the example in a conversion error.</summary>
    public object? DefaultValue { get; init; }

    /// <summary>What the key holds, for a message: "a section", "a list", "a value".</summary>
    public string Kind => Children is not null ? "a section" : Element is not null ? "a list" : "a value";
}
