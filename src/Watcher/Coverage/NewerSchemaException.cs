namespace Watcher.Coverage;

/// <summary>The store was written by a newer Watcher, whose schema this one does not know.</summary>
public sealed class NewerSchemaException(int version, int known)
    : Exception($"schema version {version}, and this Watcher knows versions up to {known}")
{
    public int Version { get; } = version;

    public int Known { get; } = known;
}
