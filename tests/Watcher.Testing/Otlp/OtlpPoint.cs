namespace Watcher.Testing.Otlp;

/// <summary>One data point: its attributes, and its value (a histogram's sum, with <see cref="Count"/>).</summary>
public sealed record OtlpPoint(IReadOnlyDictionary<string, string> Attributes, double Value, ulong Count = 0)
{
    public string? this[string attribute] => Attributes.TryGetValue(attribute, out var value) ? value : null;
}
