namespace Watcher.Cli;

/// <summary>A parsed command line: the verb, Watcher's own flags, and the configuration overrides for the host.</summary>
/// <param name="Verb">Null for the service, or <see cref="Check.CheckCommand.Verb"/>.</param>
/// <param name="Simulate"><c>--simulate</c>: run the service, or the check, against the built-in simulator.</param>
/// <param name="ConfigurationArguments">For the host's command-line configuration provider, in their order.</param>
/// <param name="Error">Why the command line is invalid, when it is.</param>
public sealed record CommandLineArguments(
    string? Verb,
    CommandLineRequest Request,
    bool Simulate,
    IReadOnlyList<string> ConfigurationArguments,
    string? Error = null);
