namespace Watcher.Clients;

/// <summary>What <see cref="ApiActivity"/> saw, read at one moment.</summary>
/// <param name="Recent">The calls of the last <see cref="ApiActivity.Window"/>.</param>
/// <param name="SinceStart">Every call since the process started.</param>
/// <param name="LastCallAt">When the last call finished, successfully or not.</param>
/// <param name="LastErrorAt">When the last call that failed finished.</param>
/// <param name="LastErrorCode">The error code of that call.</param>
public sealed record ApiActivitySnapshot(
    ApiCounts Recent,
    ApiCounts SinceStart,
    DateTimeOffset? LastCallAt,
    DateTimeOffset? LastErrorAt,
    string? LastErrorCode);
