namespace Watcher.Simulator.Tests.Infrastructure;

/// <param name="StatusCode">Null when no answer (not even headers) arrived.</param>
/// <param name="ContentLength">The declared Content-Length; null when chunked or absent.</param>
/// <param name="Body">The bytes received before the end or the failure.</param>
/// <param name="Failure">What the transport threw, or null when the answer arrived whole.</param>
internal sealed record RawResponse(int? StatusCode, long? ContentLength, byte[] Body, Exception? Failure);
