using System.Text.Json;
using Watcher.Simulator.Scenarios;

namespace Watcher.Simulator;

/// <summary>Seeds a store from a scenario file (format in SIMULATOR_API.md).</summary>
public static class ScenarioLoader
{
    /// <returns>The (organization, job) pairs added, in file order.</returns>
    /// <exception cref="ScenarioException">The file is missing, is not valid JSON, or describes invalid data.</exception>
    public static IReadOnlyList<(string OrganizationId, string JobId)> LoadFile(SimulatorStore store, string path)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ScenarioException($"Scenario file '{path}' could not be read: {e.Message}", e);
        }

        return LoadJson(store, json, path);
    }

    /// <param name="source">Names the scenario in error messages.</param>
    public static IReadOnlyList<(string OrganizationId, string JobId)> LoadJson(SimulatorStore store, string json, string source = "scenario")
    {
        ArgumentNullException.ThrowIfNull(store);
        ScenarioDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(json, ScenarioJsonContext.Default.ScenarioDocument);
        }
        catch (JsonException e)
        {
            throw new ScenarioException(DescribeJsonError(source, e), e);
        }

        if (document?.Organizations is not { } organizations)
        {
            throw new ScenarioException($"Scenario file '{source}' is invalid: it has no 'Organizations' array.");
        }

        // Validate everything into a scratch store first so that a bad file seeds nothing.
        Seed(new SimulatorStore(store.TimeProvider), organizations, source);
        return Seed(store, organizations, source);
    }

    private static List<(string, string)> Seed(SimulatorStore store, IReadOnlyList<ScenarioOrganization> organizations, string source)
    {
        var added = new List<(string, string)>();
        for (var i = 0; i < organizations.Count; i++)
        {
            var organization = organizations[i];
            var where = $"Organizations[{i}]";
            Guard(source, where, () => store.AddOrganization(organization.OrganizationId!, organization.Alias, organization.Region));
            var jobs = organization.Jobs ?? [];
            for (var j = 0; j < jobs.Count; j++)
            {
                var job = jobs[j];
                var jobWhere = $"{where}.Jobs[{j}]";
                if (job.Duration is null)
                {
                    throw new ScenarioException($"Scenario file '{source}' is invalid: {jobWhere}.Duration is required (e.g. \"00:30:00\").");
                }

                var jobId = "";
                Guard(source, jobWhere, () => jobId = store.AddJob(organization.OrganizationId!, ToSimulatedJob(job)));
                if (job.Held == true)
                {
                    store.HoldProgress(organization.OrganizationId!, jobId, hold: true);
                }

                added.Add((organization.OrganizationId!, jobId));
            }

            SeedDirectory(store, organization, where, source);
            if (organization.Active == false)
            {
                store.SetOrganizationActive(organization.OrganizationId!, active: false);
            }
        }

        return added;
    }

    private static void SeedDirectory(SimulatorStore store, ScenarioOrganization organization, string where, string source)
    {
        var users = organization.Users ?? [];
        for (var u = 0; u < users.Count; u++)
        {
            var user = users[u];
            var userWhere = $"{where}.Users[{u}]";
            if (user.Name is null)
            {
                throw new ScenarioException($"Scenario file '{source}' is invalid: {userWhere}.Name is required.");
            }

            var defaults = new SimulatedUser { Name = user.Name };
            Guard(source, userWhere, () => store.AddUsers(organization.OrganizationId!, [defaults with
            {
                Id = user.Id,
                Email = user.Email,
                DisplayName = user.DisplayName,
                State = user.State ?? defaults.State,
                UserRole = user.UserRole ?? defaults.UserRole,
                EnabledDate = user.EnabledDate,
                DisabledDate = user.DisabledDate,
            }]));
        }

        var resources = organization.Resources ?? [];
        for (var r = 0; r < resources.Count; r++)
        {
            var resource = resources[r];
            var resourceWhere = $"{where}.Resources[{r}]";
            if (resource.Name is null)
            {
                throw new ScenarioException($"Scenario file '{source}' is invalid: {resourceWhere}.Name is required.");
            }

            var defaults = new SimulatedResource { Name = resource.Name };
            Guard(source, resourceWhere, () => store.AddResources(organization.OrganizationId!, [defaults with
            {
                Id = resource.Id,
                Email = resource.Email,
                Type = resource.Type ?? defaults.Type,
                State = resource.State ?? defaults.State,
                Description = resource.Description,
                EnabledDate = resource.EnabledDate,
                DisabledDate = resource.DisabledDate,
            }]));
        }
    }

    private static string DescribeJsonError(string source, JsonException error)
    {
        if (error.Path is null)
        {
            return $"Scenario file '{source}' is invalid: {error.Message}";
        }

        var member = error.Path[(error.Path.LastIndexOf('.') + 1)..];
        var problem = error.Message.Contains("could not be mapped", StringComparison.Ordinal)
            ? $"{error.Message.Split('\'')[1]} is not a known member (see SIMULATOR_API.md for the format)"
            : member switch
            {
                "StartOffset" or "Duration" => $"{member} must be a time span such as \"00:30:00\" or \"-00:05:00\"",
                "Outcome" => $"Outcome must be one of {string.Join(", ", Enum.GetNames<SimulatedOutcome>())}",
                "OutcomeAtProgress" => "OutcomeAtProgress must be an integer 0..100",
                "Held" or "Active" => $"{member} must be true or false",
                "EnabledDate" or "DisabledDate" => $"{member} must be a date and time such as \"2026-03-02T09:00:00Z\"",
                _ => error.Message,
            };
        return $"Scenario file '{source}' is invalid at {error.Path} (line {error.LineNumber + 1}): {problem}";
    }

    private static SimulatedJob ToSimulatedJob(ScenarioJob job)
    {
        var defaults = new SimulatedJob();
        return new SimulatedJob
        {
            JobId = job.JobId,
            EntityId = job.EntityId ?? defaults.EntityId,
            Description = job.Description,
            RoleArn = job.RoleArn ?? defaults.RoleArn,
            KmsKeyArn = job.KmsKeyArn ?? defaults.KmsKeyArn,
            S3BucketName = job.S3BucketName ?? defaults.S3BucketName,
            S3Prefix = job.S3Prefix ?? defaults.S3Prefix,
            StartOffset = job.StartOffset ?? TimeSpan.Zero,
            Duration = job.Duration!.Value,
            Outcome = job.Outcome ?? SimulatedOutcome.Complete,
            OutcomeAtProgress = job.OutcomeAtProgress ?? defaults.OutcomeAtProgress,
            ErrorInfo = job.ErrorInfo,
        };
    }

    private static void Guard(string source, string where, Action action)
    {
        try
        {
            action();
        }
        catch (ArgumentException e)
        {
            throw new ScenarioException($"Scenario file '{source}' is invalid: {where}: {e.Message}", e);
        }
    }
}
