namespace Watcher.Simulator;

/// <summary>Command line of the standalone simulator.</summary>
internal sealed record ProgramArguments(string ListenUrl, string Region, string? ScenarioPath, bool ShowHelp, bool PodIdentity = false)
{
    public const string DefaultListenUrl = "http://127.0.0.1:5088";

    public const string Usage = """
        Usage: Watcher.Simulator [--urls URL] [--region REGION] [--scenario FILE] [--pod-identity]
          --urls, --listen URL   where to listen (default http://127.0.0.1:5088; port 0 picks a free port)
          --region REGION        signing region the simulator accepts (default us-east-1)
          --scenario FILE        JSON scenario to seed instead of the built-in demo
          --pod-identity         also run a stand-in EKS Pod Identity agent on a free loopback port, with a token file
        """;

    /// <exception cref="ArgumentException">An unknown option or a missing value.</exception>
    public static ProgramArguments Parse(IReadOnlyList<string> args)
    {
        var result = new ProgramArguments(DefaultListenUrl, "us-east-1", null, false);
        for (var i = 0; i < args.Count; i++)
        {
            var (name, inlineValue) = Split(args[i]);
            if (name is "--help" or "-h" or "-?")
            {
                result = result with { ShowHelp = true };
                continue;
            }

            if (name is "--pod-identity" && inlineValue is null)
            {
                result = result with { PodIdentity = true };
                continue;
            }

            string Value()
            {
                if (inlineValue is not null)
                {
                    return inlineValue;
                }

                if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    throw new ArgumentException($"Option {name} needs a value.");
                }

                return args[++i];
            }

            result = name switch
            {
                "--urls" or "--listen" => result with { ListenUrl = Value().Split(';')[0] },
                "--region" => result with { Region = Value() },
                "--scenario" => result with { ScenarioPath = Value() },
                _ => throw new ArgumentException($"Unknown option '{args[i]}'."),
            };
        }

        return result;
    }

    private static (string Name, string? Value) Split(string arg)
    {
        var equals = arg.IndexOf('=', StringComparison.Ordinal);
        return arg.StartsWith("--", StringComparison.Ordinal) && equals > 0 ? (arg[..equals], arg[(equals + 1)..]) : (arg, null);
    }
}
