using Watcher.Check;
using Watcher.Demo;

namespace Watcher.Cli;

/// <summary>
/// Splits Watcher's command line into its verb, its own flags and the configuration overrides. It reads the overrides
/// the way the host's command-line configuration provider does (<c>--key=value</c>, <c>--key value</c>,
/// <c>/key=value</c>, <c>/key value</c>, <c>key=value</c>), so that what it passes on is what the host sees.
/// </summary>
/// <remarks>
/// By hand rather than with System.CommandLine: the grammar is one verb and three flags, and the hard part, which
/// arguments are configuration, System.CommandLine cannot do. It sees <c>--urls check</c> as the verb <c>check</c>
/// and <c>--Watcher:Aws:Region --help</c> as a request for help, where the configuration provider sees a value.
/// </remarks>
public static class CommandLineParser
{
    public const string VersionFlag = "--version";

    public static readonly IReadOnlyList<string> HelpFlags = ["-h", "--help", "-?"];

    public static CommandLineArguments Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        string? verb = null;
        string? error = null;
        var start = 0;
        if (args is [var first, ..] && !first.StartsWith('-') && !first.StartsWith('/') && !first.Contains('=', StringComparison.Ordinal))
        {
            verb = string.Equals(first, CheckCommand.Verb, StringComparison.OrdinalIgnoreCase) ? CheckCommand.Verb : null;
            error = verb is null ? $"unknown command '{first}'" : null;
            start = 1;
        }

        bool help = false, version = false, simulate = false;
        var overrides = new List<string>();
        for (var i = start; i < args.Count; i++)
        {
            var arg = args[i];
            if (HelpFlags.Contains(arg, StringComparer.Ordinal))
            {
                help = true;
            }
            else if (arg == VersionFlag)
            {
                version = true;
            }
            else if (arg == DemoMode.Flag)
            {
                simulate = true;
            }
            else if (OverrideLength(arg) is var length && length == 0)
            {
                error ??= Unknown(arg);
            }
            else if (i + length > args.Count)
            {
                error ??= $"'{arg}' needs a value";
            }
            else
            {
                overrides.AddRange(args.Skip(i).Take(length));
                i += length - 1;
            }
        }

        var request = help ? CommandLineRequest.Help
            : version ? CommandLineRequest.Version
            : error is not null ? CommandLineRequest.Invalid
            : CommandLineRequest.Run;
        return new CommandLineArguments(verb, request, simulate, overrides, error);
    }

    /// <summary>How many arguments the configuration override at <paramref name="arg"/> takes: 0 when it is none.</summary>
    private static int OverrideLength(string arg)
    {
        // The provider knows no short switches: it ignores "-x value" and throws on "-x=value".
        var keyStart = arg.StartsWith("--", StringComparison.Ordinal) ? 2 : arg.StartsWith('/') ? 1 : arg.StartsWith('-') ? -1 : 0;
        if (keyStart < 0)
        {
            return 0;
        }

        var equals = arg.IndexOf('=', StringComparison.Ordinal);
        if (equals >= 0)
        {
            return ConfigurationOverride.IsKey(arg[keyStart..equals]) ? 1 : 0;
        }

        // "key" alone, with neither prefix nor '=', is what the provider skips.
        return keyStart > 0 && ConfigurationOverride.IsKey(arg[keyStart..]) ? 2 : 0;
    }

    private static string Unknown(string arg) =>
        arg.StartsWith('-') || arg.StartsWith('/')
            ? $"unknown option '{arg}' (a configuration override names the whole key path, e.g. --Watcher:PollInterval=00:05:00)"
            : $"unexpected argument '{arg}'";
}
