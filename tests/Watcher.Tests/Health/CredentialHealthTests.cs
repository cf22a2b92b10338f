using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Watcher.Clients;
using Watcher.Configuration;
using Watcher.Health;
using Watcher.WorkMail;

namespace Watcher.Tests.Health;

public sealed class CredentialHealthTests
{
    private const string Org = "m-0123456789abcdef0123456789abcdef";
    private const string OtherOrg = "m-fedcba9876543210fedcba9876543210";
    private const string Hint = "No credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.";

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly FakeLogger<CredentialHealth> _logger = new();
    private readonly CredentialHealth _health;

    public CredentialHealthTests() =>
        _health = new CredentialHealth(_time, new LastGoodWatcherOptions(Options.Create(new WatcherOptions())), _logger);

    [Fact]
    public void Failed_SameProblemOnEveryPollAndOrganization_LogsTheHintOnceAndShowsOneProblem()
    {
        for (var poll = 0; poll < 3; poll++)
        {
            _health.Failed(Call(Org), NoCredentials(), Hint);
            _health.Failed(Call(OtherOrg, WorkMailOperations.DescribeMailboxExportJob), NoCredentials(), Hint);
            _time.Advance(TimeSpan.FromMinutes(1));
        }

        var warning = Assert.Single(_logger.Collector.GetSnapshot());
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("NoCredentials", warning.Message, StringComparison.Ordinal);
        Assert.EndsWith("Hint: " + Hint, warning.Message, StringComparison.Ordinal);
        var problem = Assert.Single(_health.Current());
        Assert.Equal([Org, OtherOrg], problem.OrganizationIds);
        Assert.Equal(Hint, problem.Hint);
        Assert.Equal(TimeSpan.FromMinutes(2), problem.LastSeenAt - problem.Since);
    }

    [Fact]
    public void Failed_ErrorChanges_LogsTheNewHint()
    {
        _health.Failed(Call(Org), NoCredentials(), Hint);
        _health.Failed(Call(Org), new WorkMailException(WorkMailErrorCodes.ExpiredTokenException, "expired", 403), "The session token has expired.");

        Assert.Equal(2, _logger.Collector.Count);
        Assert.Contains("The session token has expired.", _logger.LatestRecord.Message, StringComparison.Ordinal);
        Assert.Equal(WorkMailErrorCodes.ExpiredTokenException, Assert.Single(_health.Current()).ErrorCode);
    }

    [Fact]
    public void Succeeded_AfterAClientProblem_ClearsItAndLogsTheRecoveryOnce()
    {
        _health.Failed(Call(Org), NoCredentials(), Hint);
        _health.Failed(Call(OtherOrg), NoCredentials(), Hint);

        _health.Succeeded(Call(OtherOrg, WorkMailOperations.DescribeMailboxExportJob));
        _health.Succeeded(Call(Org));

        Assert.Empty(_health.Current());
        var recovered = _logger.LatestRecord;
        Assert.Equal(LogLevel.Information, recovered.Level);
        Assert.Contains("work again after NoCredentials", recovered.Message, StringComparison.Ordinal);
        Assert.Equal(2, _logger.Collector.Count);
    }

    [Fact]
    public void Succeeded_OtherActionAfterAnIamDenial_KeepsTheDenial()
    {
        var denied = new WorkMailException(WorkMailErrorCodes.AccessDeniedException, "denied", 403);
        _health.Failed(Call(Org), denied, "IAM denied workmail:ListMailboxExportJobs.");

        _health.Succeeded(Call(Org, WorkMailOperations.DescribeMailboxExportJob));
        _health.Succeeded(Call(OtherOrg));

        Assert.Equal(WorkMailErrorCodes.AccessDeniedException, Assert.Single(_health.Current()).ErrorCode);
        _health.Succeeded(Call(Org));
        Assert.Empty(_health.Current());
    }

    [Fact]
    public void Current_ProblemNotSeenForLongerThanTheWindow_IsDropped()
    {
        _health.Failed(Call(Org), NoCredentials(), Hint);
        _time.Advance(ApiActivity.Window);
        Assert.Single(_health.Current());

        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.Empty(_health.Current());
    }

    private static WorkMailException NoCredentials() =>
        new(WorkMailErrorCodes.NoCredentials, "ListMailboxExportJobs failed: no AWS credentials could be resolved from the default chain.");

    private static WorkMailCall Call(string organizationId, string operation = WorkMailOperations.ListMailboxExportJobs) =>
        new(operation, organizationId, "us-east-1", null, new WorkMailEndpoint("https://workmail.us-east-1.amazonaws.com", Custom: false), "us-east-1");
}
