using System.Diagnostics.Tracing;
using Watcher.Testing.Waiting;

namespace Watcher.Testing.Otlp;

/// <summary>
/// The OTLP exporter's errors in this process (failed sends), read from its EventSource, to wait on: the exporter
/// reports them nowhere else.
/// </summary>
public sealed class OtlpExportFailures : EventListener
{
    public const string SourceName = "OpenTelemetry-Exporter-OpenTelemetryProtocol";

    private int _count;

    public int Count => Volatile.Read(ref _count);

    /// <summary>Pulses after each error.</summary>
    public Signal Changed { get; } = new();

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        ArgumentNullException.ThrowIfNull(eventSource);
        if (eventSource.Name == SourceName)
        {
            EnableEvents(eventSource, EventLevel.Error);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.EventSource.Name == SourceName && eventData.Level is EventLevel.Error or EventLevel.Critical)
        {
            Interlocked.Increment(ref _count);
            Changed.Pulse();
        }
    }
}
