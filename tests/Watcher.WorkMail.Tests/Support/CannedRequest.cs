namespace Watcher.WorkMail.Tests.Support;

/// <summary>One request <see cref="CannedHttpServer"/> received; header names are lower case.</summary>
public sealed record CannedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body);
