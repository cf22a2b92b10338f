using System.Text.RegularExpressions;
using Watcher.Simulator;
using Watcher.Testing.Network;
using Watcher.Testing.Processes;
using Watcher.Tests.Support;
using Xunit.Abstractions;

namespace Watcher.Tests.Check;

/// <summary>
/// <c>watcher check</c> run as its own process, the way an operator runs it, against the simulator. The process shares
/// no meters with this one: no need to run alone.
/// </summary>
public sealed class CheckCommandTests(ITestOutputHelper log) : IAsyncLifetime
{
    private const string Org = "m-0123456789abcdef0123456789abcdef";
    private const string Missing = "m-ffffffffffffffffffffffffffffffff";
    private const string PodIdentityToken = "canary-pod-identity-token-91ad2e";

    private WorkMailSimulator _simulator = null!;

    public async Task InitializeAsync()
    {
        _simulator = await WorkMailSimulator.StartAsync(new SimulatorOptions());
        _simulator.Store.AddOrganization(Org, "contoso");
        _simulator.Store.AddJob(Org, new SimulatedJob
        {
            JobId = "running-job", StartOffset = TimeSpan.FromMinutes(-30), Duration = TimeSpan.FromHours(1), Outcome = SimulatedOutcome.RunForever,
        });
        _simulator.Store.AddJob(Org, new SimulatedJob { JobId = "done-job", StartOffset = TimeSpan.FromHours(-2), Duration = TimeSpan.FromMinutes(10) });
    }

    public async Task DisposeAsync() => await _simulator.DisposeAsync();

    [Fact]
    public async Task Check_EverythingWorks_PrintsSourceAndTableAndExitsZero()
    {
        var config = Config(["running-job", "done-job"], [Org]);
        config["Watcher__Organizations__0__Alias"] = "contoso";
        var (exitCode, output) = await RunCheckAsync(Environment(config));

        Assert.Equal(0, exitCode);
        Assert.Contains("Configuration: valid (2 jobs, 1 organization;", output, StringComparison.Ordinal);
        Assert.Contains("Credentials: environment: environment variables AWS_ACCESS_KEY_ID", output, StringComparison.Ordinal);
        Assert.Matches(@"job\s+m-0123456789abcdef0123456789abcdef\s+us-east-1\s+running-job\s+RUNNING\s+[1-9]\d?%\s+ok", output);
        Assert.Matches(@"job\s+m-0123456789abcdef0123456789abcdef\s+us-east-1\s+done-job\s+COMPLETED\s+100%\s+ok", output);
        Assert.Matches(@"organization\s+m-0123456789abcdef0123456789abcdef \(contoso\)\s+us-east-1\s+2 jobs listed\s+1 RUNNING\s+-\s+ok", output);
        Assert.Contains("3 of 3 checks passed.", output, StringComparison.Ordinal);
        Assert.DoesNotContain(_simulator.Credentials.SecretAccessKey, output, StringComparison.Ordinal);
        // Once per configured job and once per organization, nothing more.
        Assert.Equal(2, _simulator.Requests.Count("DescribeMailboxExportJob", Org));
        Assert.Equal(1, _simulator.Requests.Count("ListMailboxExportJobs", Org));
        Assert.Equal(1, _simulator.Requests.Count("ListUsers", Org));
        Assert.Equal(1, _simulator.Requests.Count("ListResources", Org));
    }

    [Fact]
    public async Task Check_AccessDenied_NamesTheMissingIamActionPerCallAndExitsOne()
    {
        _simulator.Faults.CredentialFault = CredentialFault.AccessDenied;

        var (exitCode, output) = await RunCheckAsync(Environment(Config(["running-job"], [Org])));

        Assert.Equal(1, exitCode);
        Assert.Contains("0 of 2 checks passed.", output, StringComparison.Ordinal);
        Assert.Contains($"IAM denied workmail:DescribeMailboxExportJob. Allow it on arn:aws:workmail:{_simulator.Region}:<account>:organization/{Org}", output, StringComparison.Ordinal);
        Assert.Contains($"IAM denied workmail:ListMailboxExportJobs. Allow it on arn:aws:workmail:{_simulator.Region}:<account>:organization/{Org}", output, StringComparison.Ordinal);
        Assert.Matches(@"job\s+\S+\s+us-east-1\s+running-job\s+-\s+-\s+AccessDeniedException", output);
    }

    [Fact]
    public async Task Check_OnlyListUsersDenied_NamesThatIamActionAloneAndExitsOne()
    {
        _simulator.Faults.DeniedOperations = new HashSet<string> { "ListUsers" };

        var (exitCode, output) = await RunCheckAsync(Environment(Config(["running-job"], [Org])));

        Assert.Equal(1, exitCode);
        Assert.Contains("1 of 2 checks passed.", output, StringComparison.Ordinal);
        Assert.Matches(@"job\s+\S+\s+us-east-1\s+running-job\s+RUNNING\s+\d+%\s+ok", output);
        Assert.Matches(@"organization\s+m-0123456789abcdef0123456789abcdef\s+us-east-1\s+workmail:ListUsers\s+-\s+-\s+AccessDeniedException", output);
        Assert.Contains($"IAM denied workmail:ListUsers. Allow it on arn:aws:workmail:{_simulator.Region}:<account>:organization/{Org}", output, StringComparison.Ordinal);
        Assert.DoesNotContain("IAM denied workmail:ListMailboxExportJobs", output, StringComparison.Ordinal);
        Assert.DoesNotContain("IAM denied workmail:ListResources", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_WithAStorePath_OpensTheStoreAndCountsItsCompletions()
    {
        var folder = Directory.CreateTempSubdirectory("watcher-check-store-").FullName;
        try
        {
            var path = Path.Combine(folder, "coverage.db");
            var config = Config(["running-job"], []);
            config["Watcher__Coverage__StorePath"] = path;

            var (exitCode, output) = await RunCheckAsync(Environment(config));

            Assert.Equal(0, exitCode);
            Assert.Matches(@"store\s+-\s+-\s+" + Regex.Escape(path) + @"\s+0 completions\s+-\s+ok", output);
            Assert.Contains("2 of 2 checks passed.", output, StringComparison.Ordinal);
            Assert.True(File.Exists(path), "check creates the store as Watcher would at start");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Check_StorePathInAFolderThatDoesNotExist_NamesThePathWithAHintAndExitsOne()
    {
        var path = Path.Combine(Path.GetTempPath(), "watcher-no-such-folder-" + Guid.NewGuid().ToString("N"), "coverage.db");
        var config = Config(["running-job"], []);
        config["Watcher__Coverage__StorePath"] = path;

        var (exitCode, output) = await RunCheckAsync(Environment(config));

        Assert.Equal(1, exitCode);
        Assert.Matches(@"store\s+-\s+-\s+" + Regex.Escape(path) + @"\s+-\s+-\s+StoreUnavailable", output);
        Assert.Contains($"store - {path}: StoreUnavailable: the folder of {path}, {Path.GetDirectoryName(path)}, does not exist", output, StringComparison.Ordinal);
        Assert.Contains("hint: Watcher would remember completed exports in memory only", output, StringComparison.Ordinal);
        Assert.Contains("1 of 2 checks passed.", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.GetDirectoryName(path)), "check creates no folder");
    }

    [Fact]
    public async Task Check_EndpointUnreachable_NetworkErrorWithHintAndExitsOne()
    {
        var closed = FreePort.Next();
        var config = Config(["running-job"], []);
        config["Watcher__Aws__ServiceUrl"] = $"http://127.0.0.1:{closed}/";

        var (exitCode, output) = await RunCheckAsync(Environment(config));

        Assert.Equal(1, exitCode);
        Assert.Matches(@"running-job\s+-\s+-\s+Network", output);
        Assert.Contains($"hint: Could not reach http://127.0.0.1:{closed}/", output, StringComparison.Ordinal);
        Assert.Contains("0 of 1 check passed.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_UnknownJobAndOrganization_EachGetsItsOwnHintAndExitsOne()
    {
        var (exitCode, output) = await RunCheckAsync(Environment(Config(["running-job", "no-such-job"], [Missing])));

        Assert.Equal(1, exitCode);
        Assert.Matches(@"running-job\s+RUNNING\s+\d+%\s+ok", output);
        Assert.Matches(@"no-such-job\s+-\s+-\s+EntityNotFoundException", output);
        Assert.Contains("hint: No such export job in this organization: check the JobId", output, StringComparison.Ordinal);
        Assert.Contains($"hint: No organization {Missing} in {_simulator.Region}.", output, StringComparison.Ordinal);
        Assert.Contains("1 of 3 checks passed.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_InvalidConfiguration_ListsEachProblemByKeyAndExitsTwoWithoutCalling()
    {
        var config = Config(["running-job"], []);
        config["Watcher__Jobs__0__OrganizationId"] = "bogus";
        config["Watcher__PollInterval"] = "00:00:00";

        var (exitCode, output) = await RunCheckAsync(Environment(config));

        Assert.Equal(2, exitCode);
        Assert.Contains("Configuration: invalid", output, StringComparison.Ordinal);
        Assert.Contains("Watcher:Jobs:0:OrganizationId must match", output, StringComparison.Ordinal);
        Assert.Contains("Watcher:PollInterval", output, StringComparison.Ordinal);
        Assert.Empty(_simulator.Requests.All);
    }

    [Fact]
    public async Task Check_MisspeltKeyAndBareNumber_SaysWhichKeyIsNotASettingAndWhyTheValueIsNotADurationAndExitsTwo()
    {
        var config = Config(["running-job"], []);
        config["Watcher__PollIntervall"] = "00:00:30";
        config["Watcher__MaxBackoff"] = "30";

        var (exitCode, output) = await RunCheckAsync(Environment(config));

        Assert.Equal(2, exitCode);
        Assert.Equal(
            [
                "Configuration: invalid",
                "  Watcher:MaxBackoff: '30' has no unit; write 30s, 5m, 1h, 1d or 00:00:30",
                "  Watcher:PollIntervall is not a setting; did you mean Watcher:PollInterval?",
            ],
            output.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0));
        Assert.Empty(_simulator.Requests.All);
    }

    [Fact]
    public async Task Check_WebIdentityEnvironment_NamesWebIdentityAndRoleButNeverTheToken()
    {
        const string Token = "canary-web-identity-token-6f1c0b";
        var tokenFile = Path.GetTempFileName();
        await File.WriteAllTextAsync(tokenFile, Token);
        try
        {
            var environment = Config(["running-job"], []);
            environment["AWS_ROLE_ARN"] = "arn:aws:iam::111122223333:role/watcher-irsa";
            environment["AWS_WEB_IDENTITY_TOKEN_FILE"] = tokenFile;
            environment["AWS_ENDPOINT_URL_STS"] = $"http://127.0.0.1:{FreePort.Next()}/";
            environment["AWS_EC2_METADATA_DISABLED"] = "true";
            environment["HOME"] = Directory.CreateTempSubdirectory("watcher-check-home-").FullName;

            var (exitCode, output) = await RunCheckAsync(environment);

            Assert.Equal(1, exitCode);
            Assert.Contains($"Credentials: web identity: web identity token {tokenFile} for role arn:aws:iam::111122223333:role/watcher-irsa (IRSA)", output, StringComparison.Ordinal);
            Assert.DoesNotContain(Token, output, StringComparison.Ordinal);
            Assert.Empty(_simulator.Requests.All);
            Assert.Matches(@"running-job\s+-\s+-\s+Network", output);
            Assert.Contains("getting web identity credentials from STS failed (Error calling AssumeRole for role arn:aws:iam::111122223333:role/watcher-irsa)", output, StringComparison.Ordinal);
            Assert.Contains("hint: Getting credentials from STS failed (credential source: web identity).", output, StringComparison.Ordinal);
            Assert.Contains("0 of 1 check passed.", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(tokenFile);
        }
    }

    [Fact]
    public async Task Check_PodIdentity_NamesTheAgentAndTokenFileAndPassesWithItsKeys()
    {
        await using var podIdentity = await PodIdentitySetup.StartAsync(_simulator, PodIdentityToken, TimeSpan.FromHours(6));

        var (exitCode, output) = await RunCheckAsync(podIdentity.AddTo(Config(["running-job"], [Org])));

        Assert.Equal(0, exitCode);
        Assert.Contains(
            $"Credentials: pod identity: the EKS Pod Identity agent at {podIdentity.Agent.CredentialsUrl}, with the service account token in {podIdentity.TokenFile}",
            output,
            StringComparison.Ordinal);
        Assert.Contains("2 of 2 checks passed.", output, StringComparison.Ordinal);
        Assert.DoesNotContain(PodIdentityToken, output, StringComparison.Ordinal);
        Assert.NotEmpty(podIdentity.Agent.Fetches);
        Assert.All(_simulator.Requests.All, r => Assert.StartsWith("arn:aws:sts::111122223333:assumed-role/watcher-pod-identity/", r.AssumedRoleArn, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(500, "500 (Internal Server Error)")]
    [InlineData(null, "Could not find file")]
    public async Task Check_PodIdentityAgentGivesNoKeys_CredentialErrorWithAHintOnTheAgentAndExitsOne(int? agentStatus, string reason)
    {
        await using var podIdentity = await PodIdentitySetup.StartAsync(_simulator, PodIdentityToken, TimeSpan.FromHours(6));
        podIdentity.Agent.ForcedStatusCode = agentStatus;
        if (agentStatus is null)
        {
            File.Delete(podIdentity.TokenFile);
        }

        var (exitCode, output) = await RunCheckAsync(podIdentity.AddTo(Config(["running-job"], [])));

        Assert.Equal(1, exitCode);
        Assert.Matches(@"running-job\s+-\s+-\s+NoCredentials", output);
        Assert.Contains($"getting credentials from the EKS Pod Identity agent at {podIdentity.Agent.CredentialsUrl} failed", output, StringComparison.Ordinal);
        Assert.Contains(reason, output, StringComparison.Ordinal);
        Assert.Contains("hint: The EKS Pod Identity agent handed out no credentials.", output, StringComparison.Ordinal);
        Assert.Contains("networkPolicy.egress.podIdentityAgent", output, StringComparison.Ordinal);
        Assert.DoesNotContain(PodIdentityToken, output, StringComparison.Ordinal);
        Assert.Empty(_simulator.Requests.All);
    }

    [Fact]
    public async Task Check_NoCredentialsAnywhere_SaysNoneAndHowToProvideThem()
    {
        var environment = Config(["running-job"], []);
        environment["AWS_EC2_METADATA_DISABLED"] = "true";
        environment["HOME"] = Directory.CreateTempSubdirectory("watcher-check-home-").FullName;

        var (exitCode, output) = await RunCheckAsync(environment);

        Assert.Equal(1, exitCode);
        Assert.Contains("Credentials: none: no credential source is configured", output, StringComparison.Ordinal);
        Assert.DoesNotContain("tried ", output, StringComparison.Ordinal);
        Assert.DoesNotContain("webIdentityTokenFile", output, StringComparison.Ordinal);
        Assert.Contains("hint: No credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, AWS_PROFILE, or IRSA", output, StringComparison.Ordinal);
        Assert.Contains("or use EKS Pod Identity (AWS_CONTAINER_CREDENTIALS_FULL_URI and AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE", output, StringComparison.Ordinal);
        Assert.Empty(_simulator.Requests.All);
    }

    [Fact]
    public async Task Check_HalfTheKeysAndAMissingProfile_ListsOnlyTheSourcesTriedEachWithWhatIsWrong()
    {
        var home = Directory.CreateTempSubdirectory("watcher-check-home-").FullName;
        var environment = Config(["running-job"], []);
        environment["AWS_ACCESS_KEY_ID"] = _simulator.Credentials.AccessKeyId;
        environment["AWS_PROFILE"] = "nightly";
        environment["AWS_EC2_METADATA_DISABLED"] = "true";
        environment["HOME"] = home;

        var (exitCode, output) = await RunCheckAsync(environment);

        Assert.Equal(1, exitCode);
        var tried = output.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("tried ", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            [
                "tried environment: AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not",
                $"tried profile 'nightly' (AWS_PROFILE): no shared config file ({Path.Combine(home, ".aws", "credentials")} or {Path.Combine(home, ".aws", "config")})",
            ],
            tried);
        Assert.Contains("Credentials: none: the SDK's default chain found no credentials in the sources configured", output, StringComparison.Ordinal);
        Assert.DoesNotContain("web identity", output, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Exception 1 of", output, StringComparison.Ordinal);
        Assert.Empty(_simulator.Requests.All);
    }

    [Fact]
    public async Task Check_OrganizationInAnotherRegionThanTheEndpoint_NamesARegionMismatchAndShowsEachRegion()
    {
        var config = Config(["running-job"], [Org]);
        config["Watcher__Organizations__0__Region"] = "eu-west-1";

        var (exitCode, output) = await RunCheckAsync(Environment(config));

        Assert.Equal(1, exitCode);
        Assert.Matches(@"KIND\s+ORGANIZATION\s+REGION\s+JOB", output);
        Assert.Matches(@"job\s+m-0123456789abcdef0123456789abcdef\s+us-east-1\s+running-job\s+RUNNING", output);
        Assert.Matches(@"organization\s+m-0123456789abcdef0123456789abcdef\s+eu-west-1\s+-\s+-\s+-\s+InvalidSignatureException", output);
        Assert.Contains("Credential should be scoped to a valid region, not 'eu-west-1'", output, StringComparison.Ordinal);
        Assert.Contains(
            $"hint: Region mismatch, not a key or clock problem: the call was signed for eu-west-1 (the organization's Region), but {_simulator.ServiceUrl} expects us-east-1",
            output,
            StringComparison.Ordinal);
        Assert.DoesNotContain("secret key", output, StringComparison.Ordinal);
        Assert.Contains("1 of 2 checks passed.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_OrganizationRoleNotAssumable_HintNamesStsAndTheRole()
    {
        const string Role = "arn:aws:iam::444455556666:role/not-trusted";
        var config = Config([], [Org]);
        config["Watcher__Organizations__0__RoleArn"] = Role;
        config["Watcher__Aws__StsServiceUrl"] = _simulator.ServiceUrl.ToString();

        var (exitCode, output) = await RunCheckAsync(Environment(config));

        Assert.Equal(1, exitCode);
        Assert.Contains("0 of 1 check passed.", output, StringComparison.Ordinal);
        Assert.Contains($"  then for {Org}: assumes {Role} through STS", output, StringComparison.Ordinal);
        Assert.Contains($"hint: STS denied sts:AssumeRole on {Role}: its trust policy must allow the identity Watcher runs as", output, StringComparison.Ordinal);
        Assert.Equal(0, _simulator.Requests.Count("ListMailboxExportJobs", Org));
    }

    private async Task<(int ExitCode, string Output)> RunCheckAsync(Dictionary<string, string?> environment)
    {
        await using var process = WatcherProcess.Start(["check"], environment);
        var exitCode = await process.WaitForExitAsync(TimeSpan.FromSeconds(60));
        log.WriteLine($"exit code {exitCode}\n{process.Output}");
        return (exitCode, process.Output);
    }

    private Dictionary<string, string?> Config(string[] jobIds, string[] organizationIds)
    {
        var config = new Dictionary<string, string?>
        {
            ["Watcher__Aws__Region"] = _simulator.Region,
            ["Watcher__Aws__ServiceUrl"] = _simulator.ServiceUrl.ToString(),
            ["Watcher__Aws__MaxAttempts"] = "1",
        };
        for (var i = 0; i < jobIds.Length; i++)
        {
            config[$"Watcher__Jobs__{i}__OrganizationId"] = Org;
            config[$"Watcher__Jobs__{i}__JobId"] = jobIds[i];
        }

        for (var i = 0; i < organizationIds.Length; i++)
        {
            config[$"Watcher__Organizations__{i}__OrganizationId"] = organizationIds[i];
        }

        return config;
    }

    private Dictionary<string, string?> Environment(Dictionary<string, string?> config)
    {
        config["AWS_ACCESS_KEY_ID"] = _simulator.Credentials.AccessKeyId;
        config["AWS_SECRET_ACCESS_KEY"] = _simulator.Credentials.SecretAccessKey;
        return config;
    }
}
