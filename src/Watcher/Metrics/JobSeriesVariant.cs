namespace Watcher.Metrics;

/// <summary>A label that takes each of <see cref="Values"/> in turn, one sample per value (e.g. state).</summary>
public sealed record JobSeriesVariant(string Label, IReadOnlyList<string> Values);
