using System.Diagnostics;
using Watcher.Simulator.Tests.Infrastructure;

namespace Watcher.Simulator.Tests.Faults;

public class SimulatorFaultsTests
{
    private static readonly object ListInput = new { OrganizationId = TestData.OrganizationId };

    [Fact]
    public async Task ThrottleRatio_One_EveryRequestThrottled()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        harness.Simulator.Faults.ThrottleRatio = 1;

        var responses = await Repeat(harness, 20);

        Assert.All(responses, r =>
        {
            Assert.Equal(400, r.StatusCode);
            Assert.Equal("ThrottlingException", r.ErrorType);
            Assert.Equal("Rate exceeded", r.Message);
        });
        Assert.Equal(20, harness.Simulator.Requests.Count("ListMailboxExportJobs"));
    }

    [Fact]
    public async Task RejectCredentials_On_EveryRequest403UnrecognizedClientUntilReset()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        harness.Simulator.Faults.RejectCredentials = true;

        var rejected = await Repeat(harness, 3);
        harness.Simulator.Faults.Reset();
        var accepted = await Repeat(harness, 1);

        Assert.All(rejected, r => Assert.Equal((403, "UnrecognizedClientException"), (r.StatusCode, r.ErrorType)));
        Assert.Equal(200, Assert.Single(accepted).StatusCode);
    }

    [Fact]
    public async Task DeniedOperations_ListUsers_Only403AccessDeniedNamingItsActionUntilReset()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        harness.Simulator.Faults.DeniedOperations = new HashSet<string> { "ListUsers" };

        var users = await harness.Client.CallAsync("ListUsers", ListInput);
        var resources = await harness.Client.CallAsync("ListResources", ListInput);
        var jobs = await harness.Client.CallAsync("ListMailboxExportJobs", ListInput);
        harness.Simulator.Faults.Reset();
        var usersAfterReset = await harness.Client.CallAsync("ListUsers", ListInput);

        Assert.Equal((403, "AccessDeniedException"), (users.StatusCode, users.ErrorType));
        Assert.Contains("workmail:ListUsers", users.Message, StringComparison.Ordinal);
        Assert.Equal([200, 200, 200], new[] { resources, jobs, usersAfterReset }.Select(r => r.StatusCode));
    }

    [Fact]
    public void DeniedOperations_UnknownOperation_ArgumentExceptionNamingIt()
    {
        var faults = new SimulatorFaults();

        var error = Assert.Throws<ArgumentException>(() => faults.DeniedOperations = new HashSet<string> { "ListUser" });

        Assert.StartsWith("ListUser is not a WorkMail operation the simulator serves.", error.Message, StringComparison.Ordinal);
        Assert.Empty(faults.DeniedOperations);
    }

    [Fact]
    public async Task ThrottleRatio_Half_RoughlyHalfOf200Throttled()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        harness.Simulator.Faults.ThrottleRatio = 0.5;

        var responses = await Repeat(harness, 200);

        var throttled = responses.Count(r => r.ErrorType == "ThrottlingException");
        Assert.InRange(throttled, 70, 130);
        Assert.Equal(200 - throttled, responses.Count(r => r.StatusCode == 200));
    }

    [Fact]
    public async Task ServerErrorRatio_One_Alternates500And503()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        harness.Simulator.Faults.ServerErrorRatio = 1;

        var responses = await Repeat(harness, 4);

        Assert.Equal([500, 503, 500, 503], responses.Select(r => r.StatusCode));
        Assert.Equal(["InternalFailure", "ServiceUnavailable", "InternalFailure", "ServiceUnavailable"], responses.Select(r => r.ErrorType));
    }

    [Fact]
    public async Task Faults_SameSeed_SameSequence()
    {
        await using var first = await SimulatorHarness.StartAsync(new SimulatorOptions { FaultSeed = 7 });
        await using var second = await SimulatorHarness.StartAsync(new SimulatorOptions { FaultSeed = 7 });
        first.Simulator.Faults.ThrottleRatio = second.Simulator.Faults.ThrottleRatio = 0.3;

        var a = (await Repeat(first, 40)).Select(r => r.StatusCode);
        var b = (await Repeat(second, 40)).Select(r => r.StatusCode);

        Assert.Equal(a, b);
        Assert.Contains(400, a);
        Assert.Contains(200, a);
    }

    [Fact]
    public async Task Reset_AfterFaults_RequestsSucceedAndSequenceRestarts()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        var faults = harness.Simulator.Faults;
        faults.ThrottleRatio = 0.4;
        var firstRun = (await Repeat(harness, 30)).Select(r => r.StatusCode).ToList();

        faults.Reset();
        var afterReset = (faults.ThrottleRatio, faults.ServerErrorRatio, faults.AddedLatency);
        var clean = await Repeat(harness, 10);
        faults.ThrottleRatio = 0.4;
        var secondRun = (await Repeat(harness, 30)).Select(r => r.StatusCode).ToList();

        Assert.All(clean, r => Assert.Equal(200, r.StatusCode));
        Assert.Equal(firstRun, secondRun);
        Assert.Equal((0d, 0d, TimeSpan.Zero), afterReset);
    }

    [Fact]
    public async Task AddedLatency_Set_DelaysAnswer()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        harness.Simulator.Faults.AddedLatency = TimeSpan.FromMilliseconds(300);

        var stopwatch = Stopwatch.StartNew();
        var response = await harness.Client.CallAsync("ListMailboxExportJobs", ListInput);

        Assert.Equal(200, response.StatusCode);
        Assert.True(stopwatch.Elapsed >= TimeSpan.FromMilliseconds(290), $"answered after {stopwatch.Elapsed}");
    }

    [Fact]
    public async Task ThrottleRatio_UnsignedRequest_AuthFailsFirst()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        harness.Simulator.Faults.ThrottleRatio = 1;

        var response = await harness.Client.SendAsync(new TestRequest { Target = "WorkMailService.ListMailboxExportJobs", Sign = false });

        Assert.Equal("MissingAuthenticationTokenException", response.ErrorType);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.1)]
    [InlineData(double.NaN)]
    public void Ratios_OutOfRange_Throw(double ratio)
    {
        var faults = new SimulatorFaults();

        Assert.Throws<ArgumentOutOfRangeException>(() => faults.ThrottleRatio = ratio);
        Assert.Throws<ArgumentOutOfRangeException>(() => faults.ServerErrorRatio = ratio);
    }

    private static async Task<List<TestResponse>> Repeat(SimulatorHarness harness, int count)
    {
        var responses = new List<TestResponse>();
        for (var i = 0; i < count; i++)
        {
            responses.Add(await harness.Client.CallAsync("ListMailboxExportJobs", ListInput));
        }

        return responses;
    }
}
