using Microsoft.Extensions.Time.Testing;
using Watcher.Simulator.Tests.Infrastructure;

namespace Watcher.Simulator.Tests.Scenarios;

public sealed class ScenarioLoaderTests : IDisposable
{
    private const string ValidScenario = """
        {
          // comments are allowed
          "Organizations": [
            {
              "OrganizationId": "m-0123456789abcdef0123456789abcdef",
              "Alias": "legal",
              "Jobs": [
                { "JobId": "job-1", "EntityId": "j.doe@example.com", "Description": "Hold", "S3BucketName": "legal-exports", "S3Prefix": "holds",
                  "StartOffset": "-00:05:00", "Duration": "00:30:00", "Outcome": "Fail", "OutcomeAtProgress": 40, "ErrorInfo": "S3 denied" },
                { "JobId": "job-2", "Duration": "01:00:00", "Outcome": "RunForever", "Held": true }
              ]
            },
            { "OrganizationId": "m-fedcba9876543210fedcba9876543210", "Active": false }
          ]
        }
        """;

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly string _directory = Directory.CreateTempSubdirectory("simulator-scenario-").FullName;

    [Fact]
    public void LoadFile_ValidScenario_SeedsOrganizationsAndJobs()
    {
        var store = new SimulatorStore(_time);

        var added = ScenarioLoader.LoadFile(store, Write(ValidScenario));

        Assert.Equal([(TestData.OrganizationId, "job-1"), (TestData.OrganizationId, "job-2")], added);
        Assert.Equal([TestData.OrganizationId, TestData.OtherOrganizationId], store.OrganizationIds.Order(StringComparer.Ordinal));
        var job = store.Describe(TestData.OrganizationId, "job-1")!;
        Assert.Equal(("j.doe@example.com", "Hold", "legal-exports", "holds", _time.GetUtcNow().AddMinutes(-5)), (job.EntityId, job.Description, job.S3BucketName, job.S3Prefix, job.StartTime));
        Assert.Equal(16, job.EstimatedProgress);
        _time.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(("FAILED", "S3 denied"), (store.Describe(TestData.OrganizationId, "job-1")!.State, store.Describe(TestData.OrganizationId, "job-1")!.ErrorInfo));
        Assert.Equal(0, store.Describe(TestData.OrganizationId, "job-2")!.EstimatedProgress);
    }

    [Fact]
    public async Task StartAsync_ScenarioPath_SeedsAndMarksInactiveOrganization()
    {
        await using var simulator = await WorkMailSimulator.StartAsync(new SimulatorOptions { ScenarioPath = Write(ValidScenario) }, _time);
        using var client = new WorkMailTestClient(simulator);

        var inactive = await client.CallAsync("ListMailboxExportJobs", new { OrganizationId = TestData.OtherOrganizationId });
        var active = await client.CallAsync("ListMailboxExportJobs", new { OrganizationId = TestData.OrganizationId });

        Assert.Equal("OrganizationStateException", inactive.ErrorCode);
        Assert.Equal(2, active.Json.GetProperty("Jobs").GetArrayLength());
    }

    [Theory]
    [InlineData("{ \"Organizations\": [ { \"OrganizationId\": \"m-123\" } ] }", "Organizations[0]", "OrganizationId")]
    [InlineData("{ \"Organizations\": [ { \"OrganizationId\": \"m-0123456789abcdef0123456789abcdef\", \"Jobs\": [ { \"Duration\": \"00:10:00\" }, { \"JobId\": \"bad id\", \"Duration\": \"00:10:00\" } ] } ] }", "Organizations[0].Jobs[1]", "JobId")]
    [InlineData("{ \"Organizations\": [ { \"OrganizationId\": \"m-0123456789abcdef0123456789abcdef\", \"Jobs\": [ { \"Duration\": \"ten minutes\" } ] } ] }", "$.Organizations[0].Jobs[0].Duration", "time span")]
    [InlineData("{ \"Organizations\": [ { \"OrganizationId\": \"m-0123456789abcdef0123456789abcdef\", \"Jobs\": [ { \"Duration\": \"00:10:00\", \"Outcome\": \"Explode\" } ] } ] }", "$.Organizations[0].Jobs[0].Outcome", "Complete, Fail, Cancel, RunForever")]
    [InlineData("{ \"Organizations\": [ { \"OrganizationId\": \"m-0123456789abcdef0123456789abcdef\", \"Jobs\": [ { \"Duration\": \"00:10:00\", \"Outcom\": \"Fail\" } ] } ] }", "Outcom is not a known member", "Jobs[0]")]
    [InlineData("{ \"Organizations\": [ { \"OrganizationId\": \"m-0123456789abcdef0123456789abcdef\", \"Jobs\": [ { \"JobId\": \"j\" } ] } ] }", "Organizations[0].Jobs[0].Duration", "required")]
    [InlineData("{ \"Organizations\": [ { \"OrganizationId\": \"m-0123456789abcdef0123456789abcdef\", \"Jobs\": [ { \"Duration\": \"00:10:00\", \"OutcomeAtProgress\": 140 } ] } ] }", "Organizations[0].Jobs[0]", "OutcomeAtProgress")]
    [InlineData("{ \"Organizations\": [ { \"OrganizationId\": \"m-0123456789abcdef0123456789abcdef\", \"Jobs\": [ { \"Duration\": \"00:10:00\" } ] }", "(line 1)", "invalid")]
    [InlineData("{ \"Organizations\": [ { \"OrganizationId\": \"m-0123456789abcdef0123456789abcdef\", \"Users\": [ { \"Name\": \"a\" }, { \"Name\": \"b\", \"State\": \"ACTIVE\" } ] } ] }", "Organizations[0].Users[1]", "ENABLED, DISABLED, DELETED")]
    [InlineData("{ \"Organizations\": [ { \"OrganizationId\": \"m-0123456789abcdef0123456789abcdef\", \"Users\": [ { \"Email\": \"a@example.com\" } ] } ] }", "Organizations[0].Users[0].Name", "required")]
    [InlineData("{ \"Organizations\": [ { \"OrganizationId\": \"m-0123456789abcdef0123456789abcdef\", \"Users\": [ { \"Name\": \"a\", \"UserRole\": \"ADMIN\" } ] } ] }", "Organizations[0].Users[0]", "UserRole")]
    [InlineData("{ \"Organizations\": [ { \"OrganizationId\": \"m-0123456789abcdef0123456789abcdef\", \"Users\": [ { \"Name\": \"a\", \"EnabledDate\": \"last year\" } ] } ] }", "$.Organizations[0].Users[0].EnabledDate", "date and time")]
    [InlineData("{ \"Organizations\": [ { \"OrganizationId\": \"m-0123456789abcdef0123456789abcdef\", \"Resources\": [ { \"Name\": \"room\", \"Type\": \"DESK\" } ] } ] }", "Organizations[0].Resources[0]", "ROOM, EQUIPMENT")]
    [InlineData("{ \"Organizations\": [ { \"OrganizationId\": \"m-0123456789abcdef0123456789abcdef\", \"Resources\": [ { \"Name\": \"a-name-longer-than-twenty\" } ] } ] }", "Organizations[0].Resources[0]", "Name")]
    [InlineData("{ \"Orgs\": [] }", "Orgs", "invalid")]
    [InlineData("{}", "Organizations", "invalid")]
    public void LoadFile_BrokenScenario_ScenarioExceptionNamingProblem(string json, string expectedPart, string otherExpectedPart)
    {
        var store = new SimulatorStore(_time);
        var path = Write(json);

        var error = Assert.Throws<ScenarioException>(() => ScenarioLoader.LoadFile(store, path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains(expectedPart, error.Message, StringComparison.Ordinal);
        Assert.Contains(otherExpectedPart, error.Message, StringComparison.Ordinal);
        Assert.Empty(store.OrganizationIds);
    }

    [Fact]
    public void LoadJson_UsersAndResources_SeedsTheDirectoryWithDefaults()
    {
        var store = new SimulatorStore(_time);

        ScenarioLoader.LoadJson(store, """
            { "Organizations": [ { "OrganizationId": "m-0123456789abcdef0123456789abcdef",
              "Users": [
                { "Id": "user-000000001", "Name": "j.doe", "Email": "j.doe@example.com", "DisplayName": "J Doe", "State": "DISABLED",
                  "EnabledDate": "2025-01-02T03:04:05Z", "DisabledDate": "2026-02-01T00:00:00Z" },
                { "Name": "workmail-system", "UserRole": "SYSTEM_USER" }
              ],
              "Resources": [ { "Name": "boardroom" }, { "Name": "projector", "Type": "EQUIPMENT", "State": "DELETED" } ] } ] }
            """);

        var users = store.Users(TestData.OrganizationId);
        var doe = Assert.Single(users, u => u.Name == "j.doe");
        Assert.Equal(
            new SimulatedUser
            {
                Id = "user-000000001", Name = "j.doe", Email = "j.doe@example.com", DisplayName = "J Doe", State = "DISABLED",
                EnabledDate = new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero), DisabledDate = new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero),
            },
            doe);
        var system = Assert.Single(users, u => u.Name == "workmail-system");
        Assert.Equal(("SYSTEM_USER", "ENABLED"), (system.UserRole, system.State));
        Assert.True(Guid.TryParse(system.Id, out _));
        Assert.Equal(
            [("boardroom", "ROOM", "ENABLED"), ("projector", "EQUIPMENT", "DELETED")],
            store.Resources(TestData.OrganizationId).Select(r => (r.Name, r.Type, r.State)).Order());
    }

    [Fact]
    public void LoadFile_MissingFile_ScenarioExceptionNamingFile()
    {
        var path = Path.Combine(_directory, "missing.json");

        var error = Assert.Throws<ScenarioException>(() => ScenarioLoader.LoadFile(new SimulatorStore(_time), path));

        Assert.Contains("missing.json", error.Message, StringComparison.Ordinal);
        Assert.Contains("could not be read", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_BrokenScenario_ThrowsScenarioException()
    {
        var path = Write("{ \"Organizations\": [ { \"OrganizationId\": \"nope\" } ] }");

        var error = await Assert.ThrowsAsync<ScenarioException>(() => WorkMailSimulator.StartAsync(new SimulatorOptions { ScenarioPath = path }, _time));

        Assert.Contains("OrganizationId", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Write(string json)
    {
        var path = Path.Combine(_directory, $"{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return path;
    }
}
