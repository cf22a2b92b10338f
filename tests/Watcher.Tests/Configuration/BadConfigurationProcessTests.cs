using Watcher.Testing.Processes;

namespace Watcher.Tests.Configuration;

/// <summary>
/// Bad configurations given to the real built binary, through environment variables and an appsettings.json in
/// its working directory: every one must end the process with exit code 2 before anything is served, printing
/// exactly one line per problem that names the problem's key path.
/// </summary>
/// <remarks>
/// Each case is its own process (about half a second); xunit runs the rows of one theory one after another,
/// in parallel with the other test classes. No case reaches Kestrel, so no port is taken.
/// </remarks>
public sealed class BadConfigurationProcessTests
{
    private const string Header = "Watcher cannot start because its configuration is invalid:";
    private const string Org = "m-0123456789abcdef0123456789abcdef";
    private const string Org2 = "m-fedcba9876543210fedcba9876543210";
    private const string Role = "arn:aws:iam::444455556666:role/WatcherReader";

    /// <summary>A valid configuration, one explicit job in us-east-1, that each case then spoils.</summary>
    private static readonly Dictionary<string, string?> Valid = new()
    {
        ["Watcher__Aws__Region"] = "us-east-1",
        ["Watcher__Jobs__0__OrganizationId"] = Org,
        ["Watcher__Jobs__0__JobId"] = "job-1",
    };

    public static TheoryData<string, string[], string?> Cases()
    {
        var data = new TheoryData<string, string[], string?>();

        // name; environment as "KEY=VALUE" ("KEY=" removes KEY from the valid base); appsettings.json text (null: a valid empty one).
        // Each case's expected message lines are listed in Expected below, by key path.
        foreach (var (name, env, json) in Table)
        {
            data.Add(name, env, json);
        }

        return data;
    }

    private static readonly (string Name, string[] Env, string? Json)[] Table =
    [
        ("job organization id malformed", ["Watcher__Jobs__0__OrganizationId=bogus"], null),
        ("job organization id upper case", ["Watcher__Jobs__0__OrganizationId=M-0123456789ABCDEF0123456789ABCDEF"], null),
        ("job id with forbidden characters", ["Watcher__Jobs__0__JobId=job 1/../x"], null),
        ("job id longer than 63", ["Watcher__Jobs__0__JobId=" + new string('a', 64)], null),
        ("job id missing", ["Watcher__Jobs__0__JobId="], null),
        ("duplicate job", ["Watcher__Jobs__1__OrganizationId=" + Org, "Watcher__Jobs__1__JobId=job-1"], null),
        ("organization id malformed", ["Watcher__Organizations__0__OrganizationId=m-xyz"], null),
        ("organization id missing", ["Watcher__Organizations__0__Alias=legal"], null),
        ("duplicate organization", ["Watcher__Organizations__0__OrganizationId=" + Org2, "Watcher__Organizations__1__OrganizationId=" + Org2], null),
        ("organization region malformed", ["Watcher__Organizations__0__OrganizationId=" + Org2, "Watcher__Organizations__0__Region=Ireland"], null),
        ("organization alias too long", ["Watcher__Organizations__0__OrganizationId=" + Org2, "Watcher__Organizations__0__Alias=" + new string('x', 65)], null),
        ("role arn malformed", ["Watcher__Organizations__0__OrganizationId=" + Org2, "Watcher__Organizations__0__RoleArn=arn:aws:iam::4444:role/x"], null),
        ("role arn of a user", ["Watcher__Organizations__0__OrganizationId=" + Org2, "Watcher__Organizations__0__RoleArn=arn:aws:iam::444455556666:user/bob"], null),
        ("external id without role", ["Watcher__Organizations__0__OrganizationId=" + Org2, "Watcher__Organizations__0__ExternalId=watcher-ext"], null),
        ("external id with forbidden characters", ["Watcher__Organizations__0__OrganizationId=" + Org2, "Watcher__Organizations__0__RoleArn=" + Role, "Watcher__Organizations__0__ExternalId=has space"], null),
        ("poll interval zero", ["Watcher__PollInterval=00:00:00"], null),
        ("poll interval negative", ["Watcher__PollInterval=-00:05:00"], null),
        ("poll interval huge", ["Watcher__PollInterval=10000.00:00:00"], null),
        ("poll interval not a time span", ["Watcher__PollInterval=every minute"], null),
        ("retry mode unknown", ["Watcher__Aws__RetryMode=Sometimes"], null),
        ("region missing", ["Watcher__Aws__Region="], null),
        ("region malformed", ["Watcher__Aws__Region=EU West"], null),
        ("region from AWS_REGION malformed", ["Watcher__Aws__Region=", "AWS_REGION=eu_west_1"], null),
        ("service url relative", ["Watcher__Aws__ServiceUrl=/workmail"], null),
        ("service url not http", ["Watcher__Aws__ServiceUrl=ftp://example.com/"], null),
        ("sts service url without scheme", ["Watcher__Aws__StsServiceUrl=sts.example.com"], null),
        ("max attempts zero", ["Watcher__Aws__MaxAttempts=0"], null),
        ("max attempts above 10", ["Watcher__Aws__MaxAttempts=11"], null),
        ("max attempts not a number", ["Watcher__Aws__MaxAttempts=three"], null),
        ("request timeout too short", ["Watcher__Aws__RequestTimeout=00:00:00.500"], null),
        ("request timeout too long", ["Watcher__Aws__RequestTimeout=01:00:00"], null),
        ("fips flag not a boolean", ["Watcher__Aws__UseFipsEndpoint=maybe"], null),
        ("nothing to watch", ["Watcher__Jobs__0__OrganizationId=", "Watcher__Jobs__0__JobId="], null),
        ("max watched jobs zero", ["Watcher__MaxWatchedJobs=0"], null),
        ("max watched jobs negative", ["Watcher__MaxWatchedJobs=-5"], null),
        ("max watched jobs above 100000", ["Watcher__MaxWatchedJobs=100001"], null),
        ("max watched jobs overflows int", ["Watcher__MaxWatchedJobs=99999999999"], null),
        ("more jobs than max watched jobs", ["Watcher__MaxWatchedJobs=1", "Watcher__Jobs__1__OrganizationId=" + Org, "Watcher__Jobs__1__JobId=job-2"], null),
        ("retention too short", ["Watcher__TerminalJobRetention=00:00:30"], null),
        ("retention too long", ["Watcher__TerminalJobRetention=31.00:00:00"], null),
        ("retention not a time span", ["Watcher__TerminalJobRetention=1 day"], null),
        ("max concurrent calls zero", ["Watcher__MaxConcurrentCalls=0"], null),
        ("max concurrent calls above 64", ["Watcher__MaxConcurrentCalls=65"], null),
        ("include arns not a boolean", ["Watcher__Metrics__IncludeArns=yes please"], null),
        ("appsettings.json not valid JSON", [], "{ \"Watcher\": { \"PollInterval\": \"00:01:00\", } ,, }"),
        ("appsettings.json truncated", [], "{ \"Watcher\": { \"Jobs\": [ { \"OrganizationId\": "),
        ("appsettings.json empty", [], ""),
        ("appsettings.json only whitespace", [], " \n\t\n"),
        ("appsettings.json bad value", [], "{ \"Watcher\": { \"PollInterval\": \"00:00:01\" } }"),
        ("unknown key from the environment", ["Watcher__PollIntervall=00:00:30"], null),
        ("unknown key in a job", ["Watcher__Jobs__0__Foo=x"], null),
        ("unknown key in appsettings.json", [], "{ \"Watcher\": { \"Aws\": { \"Regoin\": \"eu-west-1\" } } }"),
        ("poll interval without a unit", ["Watcher__PollInterval=30"], null),
        ("request timeout in words", ["Watcher__Aws__RequestTimeout=ten seconds"], null),
        ("three problems at once", ["Watcher__Jobs__0__OrganizationId=bogus", "Watcher__PollInterval=00:00:01", "Watcher__Aws__RetryMode=Never"], null),
    ];

    /// <summary>The key path each expected message line names, in order; one entry per problem.</summary>
    private static readonly Dictionary<string, string[]> Expected = new()
    {
        ["job organization id malformed"] = ["Watcher:Jobs:0:OrganizationId"],
        ["job organization id upper case"] = ["Watcher:Jobs:0:OrganizationId"],
        ["job id with forbidden characters"] = ["Watcher:Jobs:0:JobId"],
        ["job id longer than 63"] = ["Watcher:Jobs:0:JobId"],
        ["job id missing"] = ["Watcher:Jobs:0:JobId"],
        ["duplicate job"] = ["Watcher:Jobs:1"],
        ["organization id malformed"] = ["Watcher:Organizations:0:OrganizationId"],
        ["organization id missing"] = ["Watcher:Organizations:0:OrganizationId"],
        ["duplicate organization"] = ["Watcher:Organizations:1"],
        ["organization region malformed"] = ["Watcher:Organizations:0:Region"],
        ["organization alias too long"] = ["Watcher:Organizations:0:Alias"],
        ["role arn malformed"] = ["Watcher:Organizations:0:RoleArn"],
        ["role arn of a user"] = ["Watcher:Organizations:0:RoleArn"],
        ["external id without role"] = ["Watcher:Organizations:0:ExternalId"],
        ["external id with forbidden characters"] = ["Watcher:Organizations:0:ExternalId"],
        ["poll interval zero"] = ["Watcher:PollInterval"],
        ["poll interval negative"] = ["Watcher:PollInterval"],
        ["poll interval huge"] = ["Watcher:PollInterval"],
        ["poll interval not a time span"] = ["Watcher:PollInterval"],
        ["retry mode unknown"] = ["Watcher:Aws:RetryMode"],
        ["region missing"] = ["Watcher:Aws:Region"],
        ["region malformed"] = ["Watcher:Aws:Region"],
        ["region from AWS_REGION malformed"] = ["Watcher:Aws:Region"],
        ["service url relative"] = ["Watcher:Aws:ServiceUrl"],
        ["service url not http"] = ["Watcher:Aws:ServiceUrl"],
        ["sts service url without scheme"] = ["Watcher:Aws:StsServiceUrl"],
        ["max attempts zero"] = ["Watcher:Aws:MaxAttempts"],
        ["max attempts above 10"] = ["Watcher:Aws:MaxAttempts"],
        ["max attempts not a number"] = ["Watcher:Aws:MaxAttempts"],
        ["request timeout too short"] = ["Watcher:Aws:RequestTimeout"],
        ["request timeout too long"] = ["Watcher:Aws:RequestTimeout"],
        ["fips flag not a boolean"] = ["Watcher:Aws:UseFipsEndpoint"],
        ["nothing to watch"] = ["Watcher:Jobs or Watcher:Organizations"],
        ["max watched jobs zero"] = ["Watcher:MaxWatchedJobs"],
        ["max watched jobs negative"] = ["Watcher:MaxWatchedJobs"],
        ["max watched jobs above 100000"] = ["Watcher:MaxWatchedJobs"],
        ["max watched jobs overflows int"] = ["Watcher:MaxWatchedJobs"],
        ["more jobs than max watched jobs"] = ["Watcher:Jobs"],
        ["retention too short"] = ["Watcher:TerminalJobRetention"],
        ["retention too long"] = ["Watcher:TerminalJobRetention"],
        ["retention not a time span"] = ["Watcher:TerminalJobRetention"],
        ["max concurrent calls zero"] = ["Watcher:MaxConcurrentCalls"],
        ["max concurrent calls above 64"] = ["Watcher:MaxConcurrentCalls"],
        ["include arns not a boolean"] = ["Watcher:Metrics:IncludeArns"],
        ["appsettings.json not valid JSON"] = ["appsettings.json"],
        ["appsettings.json truncated"] = ["appsettings.json"],
        ["appsettings.json empty"] = ["appsettings.json"],
        ["appsettings.json only whitespace"] = ["appsettings.json"],
        ["appsettings.json bad value"] = ["Watcher:PollInterval"],
        ["unknown key from the environment"] = ["Watcher:PollIntervall"],
        ["unknown key in a job"] = ["Watcher:Jobs:0:Foo"],
        ["unknown key in appsettings.json"] = ["Watcher:Aws:Regoin"],
        ["poll interval without a unit"] = ["Watcher:PollInterval"],
        ["request timeout in words"] = ["Watcher:Aws:RequestTimeout"],
        ["three problems at once"] = ["Watcher:Aws:RetryMode", "Watcher:Jobs:0:OrganizationId", "Watcher:PollInterval"],
    };

    [Fact]
    public void Table_EveryCase_HasExpectedMessagesAndTheTableIsLargeEnough()
    {
        Assert.True(Table.Length >= 25, $"only {Table.Length} cases");
        Assert.Equal(Table.Select(c => c.Name).Order(), Expected.Keys.Order());
        Assert.Equal(Table.Length, Table.Select(c => c.Name).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Start_WithBadConfiguration_ExitsWithCode2BeforeServingAndNamesEachProblemOnce(string name, string[] env, string? json)
    {
        var run = await RunAsync(env, json, TimeSpan.FromSeconds(30));

        Assert.True(run.ExitCode == WatcherHost.InvalidConfigurationExitCode, $"{name}: exit code {run.ExitCode}. Output:\n{run.Output}");
        Assert.DoesNotContain("Now listening on", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Output, StringComparison.Ordinal);

        var lines = run.Output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var header = lines.IndexOf(Header);
        Assert.True(header >= 0, $"{name}: no '{Header}' line. Output:\n{run.Output}");
        var messages = lines.Skip(header + 1).TakeWhile(l => l.StartsWith("  ", StringComparison.Ordinal) && l.Trim().Length > 0).Select(l => l.Trim()).ToList();
        var expected = Expected[name];
        Assert.True(expected.Length == messages.Count, $"{name}: expected {expected.Length} message line(s), got {messages.Count}:\n{string.Join('\n', messages)}");
        foreach (var key in expected)
        {
            // One message names each key path, first: "Watcher:X must be ...", "Watcher:X: 'y' is not ...".
            Assert.True(
                messages.Count(m => m.StartsWith(key + " ", StringComparison.Ordinal) || m.StartsWith(key + ": ", StringComparison.Ordinal) || (key == "appsettings.json" && m.Contains(key, StringComparison.Ordinal))) == 1,
                $"{name}: no single message naming {key}:\n{string.Join('\n', messages)}");
        }
    }

    [Fact]
    public async Task Start_WithValidConfigurationAndHumanDurations_ListensSoTheHarnessCanTellTheDifference()
    {
        var run = await RunAsync(["Urls=http://127.0.0.1:0", "Watcher__PollInterval=30s", "Watcher__Aws__RequestTimeout=00:00:05"], "{ \"Watcher\": { \"MaxBackoff\": \"1h30m\" } }", TimeSpan.FromSeconds(30), stopWhenListening: true);

        Assert.Contains("Now listening on", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(Header, run.Output, StringComparison.Ordinal);
    }

    private sealed record Run(int ExitCode, string Output);

    private static async Task<Run> RunAsync(string[] env, string? json, TimeSpan timeout, bool stopWhenListening = false)
    {
        var folder = Directory.CreateTempSubdirectory("watcher-badconfig-").FullName;
        try
        {
            // The working directory holds the appsettings.json Watcher reads; HOME points there too, so no
            // shared AWS profile of the machine supplies a region.
            await File.WriteAllTextAsync(Path.Combine(folder, "appsettings.json"), json ?? "{ \"Logging\": { \"LogLevel\": { \"Default\": \"Information\" } } }");

            // Nothing of this process's own configuration may reach the child.
            var environment = WatcherProcess.InheritedVariables("ASPNETCORE_", "DOTNET_", "URLS")
                .ToDictionary(k => k, string? (_) => null);
            environment["HOME"] = folder;
            environment["AWS_CONFIG_FILE"] = Path.Combine(folder, "no-aws-config");
            environment["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(folder, "no-aws-credentials");
            environment["DOTNET_ENVIRONMENT"] = "Production";
            environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            environment["DOTNET_NOLOGO"] = "1";
            environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
            foreach (var (key, value) in Valid)
            {
                environment[key] = value;
            }

            foreach (var entry in env)
            {
                var at = entry.IndexOf('=', StringComparison.Ordinal);
                var (key, value) = (entry[..at], entry[(at + 1)..]);
                environment[key] = value.Length == 0 ? null : value;
            }

            await using var process = WatcherProcess.Start([], environment, workingDirectory: folder);
            var listening = await process.WaitForLineOrExitAsync(l => l.Contains("Now listening on", StringComparison.Ordinal), timeout, "Watcher to exit or listen");
            if (listening is not null)
            {
                Assert.True(stopWhenListening, $"Watcher listened when it should have exited. Output:\n{process.Output}");
                await process.KillAsync();
            }

            var exitCode = await process.WaitForExitAsync(timeout);
            return new Run(exitCode, process.Output);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

}
