namespace Watcher.Cli;

/// <summary>What the command line asks for.</summary>
public enum CommandLineRequest
{
    /// <summary>Run the service, or <c>watcher check</c>.</summary>
    Run,

    /// <summary><c>--help</c>: print the usage of the verb and exit 0.</summary>
    Help,

    /// <summary><c>--version</c>: print the version and revision and exit 0.</summary>
    Version,

    /// <summary>An unknown verb, flag or argument: print why and the usage on standard error and exit 2.</summary>
    Invalid,
}
