namespace Watcher.WorkMail.Credentials;

/// <summary>Where the credentials that sign WorkMail calls come from. Never carries key material.</summary>
/// <param name="Kind">One of <see cref="WorkMailCredentialSources"/>' kinds: environment, profile, web identity,
/// pod identity, container, instance, static or none.</param>
/// <param name="Description">For people: which variables, profile, token file or endpoint.</param>
public sealed record WorkMailCredentialSource(string Kind, string Description)
{
    /// <summary>When the kind is none: each source the chain looked at whose configuration is present, and what is
    /// wrong with it, one line each; empty when no source is configured at all.</summary>
    public IReadOnlyList<string> Tried { get; init; } = [];
}
