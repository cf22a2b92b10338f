using Microsoft.AspNetCore.Mvc;
using Watcher.Jobs;
using Watcher.Scheduling;

namespace Watcher.Bench.Hosting;

/// <summary>The harness's endpoints beside Watcher's own: a pre-rendered baseline (with and without Content-Length), a memory probe and a poll trigger.</summary>
internal static class BenchEndpoints
{
    public const string BaselinePath = "/bench/baseline";
    public const string ChunkedBaselinePath = "/bench/baseline-chunked";
    public const string MemoryPath = "/bench/memory";
    public const string PollOrganizationsPath = "/bench/poll-organizations";

    public static WebApplication MapBenchEndpoints(this WebApplication app)
    {
        var payload = new PrerenderedPayload();

        // The physical limit for serving the scrape's bytes: the same bytes, already rendered, on the same Kestrel.
        app.MapPost(BaselinePath, async (HttpRequest request) =>
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer);
            payload.Set(buffer.ToArray(), request.ContentType ?? "text/plain");
            return TypedResults.NoContent();
        });
        app.MapGet(BaselinePath, async (HttpContext context) =>
        {
            var (bytes, contentType) = payload.Get();
            context.Response.ContentType = contentType;
            context.Response.ContentLength = bytes.Length;
            await context.Response.Body.WriteAsync(bytes);
        });

        // The same without Content-Length, so chunked, as /metrics is sent: what the framing alone costs.
        app.MapGet(ChunkedBaselinePath, async (HttpContext context) =>
        {
            var (bytes, contentType) = payload.Get();
            context.Response.ContentType = contentType;
            await context.Response.Body.WriteAsync(bytes);
        });

        app.MapPost(MemoryPath, ([FromServices] ExportJobStore store) => MemoryReading.AfterFullCollection(store.Current.Count));

        // One discovery cycle of every organization, now, for counting its calls at the simulator.
        app.MapPost(PollOrganizationsPath, async ([FromServices] OrganizationStore organizations, [FromServices] PollSchedule schedule, CancellationToken cancellationToken) =>
        {
            var before = organizations.Current.ToDictionary(o => o.Key, o => o.Value.LastPollSuccessAt);
            foreach (var organizationId in before.Keys)
            {
                await schedule.PollOrganizationNowAsync(organizationId, cancellationToken);
            }

            while (organizations.Current.Any(o => before.TryGetValue(o.Key, out var at) && o.Value.LastPollSuccessAt == at))
            {
                await Task.Delay(10, cancellationToken);
            }

            return TypedResults.NoContent();
        });
        return app;
    }
}
