namespace Watcher.Coverage;

/// <summary>
/// Loads what the store remembers at start (so those jobs are not written again), then writes each completion the
/// recorder queues. The store never throws for a broken file; anything else is logged and the next one is tried.
/// </summary>
public sealed partial class CompletionRecorderService(CompletionRecorder recorder, ICompletionStore store, ILogger<CompletionRecorderService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var stored = await store.LoadAsync(stoppingToken);
            recorder.AlreadyStored(stored);
            Log.Loaded(logger, stored.Count);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.Failed(logger, ex);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        try
        {
            await foreach (var completion in recorder.Queued.ReadAllAsync(stoppingToken))
            {
                await RecordAsync(completion, CancellationToken.None);
            }
        }
        catch (OperationCanceledException)
        {
            // Shutting down: write what is already queued, which takes milliseconds, rather than lose it.
            while (recorder.Queued.TryRead(out var completion))
            {
                await RecordAsync(completion, CancellationToken.None);
            }
        }
    }

    private async Task RecordAsync(Completion completion, CancellationToken cancellationToken)
    {
        try
        {
            await store.RecordAsync(completion, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.Failed(logger, ex);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Coverage: {Count} completed exports remembered from earlier runs")]
        public static partial void Loaded(ILogger logger, int count);

        [LoggerMessage(2, LogLevel.Error, "Recording a completed export failed; recording goes on")]
        public static partial void Failed(ILogger logger, Exception exception);
    }
}
