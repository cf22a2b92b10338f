using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Watcher.Configuration;

namespace Watcher.Scheduling;

/// <summary>
/// Schedules the configured jobs at start, then follows configuration reloads (a ConfigMap update, an
/// edited appsettings.json, see <see cref="SettingsReloadService"/>). A reloaded configuration that fails
/// validation, or whose settings file did not load, is logged and ignored, and the last good one keeps running.
/// </summary>
public sealed partial class WatchedJobsService(
    IConfiguration configuration,
    IOptionsFactory<WatcherOptions> optionsFactory,
    LastGoodWatcherOptions lastGood,
    SettingsFiles settingsFiles,
    WatchedJobsReconciler reconciler,
    Readiness readiness,
    ILogger<WatchedJobsService> logger) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private IDisposable? _reloadSubscription;
    private Task _reloading = Task.CompletedTask;
    private readonly Lock _reloadLock = new();

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await reconciler.ReconcileAsync(lastGood.Current, cancellationToken);
        readiness.InitialJobsScheduled();
        _reloadSubscription = ChangeToken.OnChange(configuration.GetReloadToken, OnConfigurationChanged);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _reloadSubscription?.Dispose();
        await _stopping.CancelAsync();
        try
        {
            await _reloading.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }
    }

    public void Dispose()
    {
        _reloadSubscription?.Dispose();
        _stopping.Dispose();
    }

    private void OnConfigurationChanged()
    {
        lock (_reloadLock)
        {
            _reloading = _reloading.ContinueWith(_ => ApplyAsync(), TaskScheduler.Default).Unwrap();
        }
    }

    private async Task ApplyAsync()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        if (settingsFiles.Problems is [_, ..] problems)
        {
            // The bad file kept its last good data; binding would quietly give the last good options.
            Log.ReloadRejected(logger, string.Join(Environment.NewLine, problems));
            return;
        }

        try
        {
            // Binds and validates exactly as at start; a failure leaves the last good options in force.
            var options = optionsFactory.Create(Options.DefaultName);
            lastGood.Apply(options);
            await reconciler.ReconcileAsync(options, _stopping.Token);
            Log.ReloadApplied(logger, options.Jobs.Count);
        }
        catch (OptionsValidationException ex)
        {
            Log.ReloadRejected(logger, string.Join(Environment.NewLine, ex.Failures));
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException)
        {
            // WatcherOptionsBinder reports values that do not convert as validation failures; this is the binder's
            // own failure for anything it still cannot bind, whose message names the key.
            Log.ReloadRejected(logger, ex.Message);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Error, "The reloaded configuration was rejected; the last good configuration keeps running:\n{Failures}")]
        public static partial void ReloadRejected(ILogger logger, string failures);

        public static void ReloadApplied(ILogger logger, int jobCount) =>
            ReloadApplied(logger, Plural.Of(jobCount, "configured job"));

        [LoggerMessage(2, LogLevel.Information, "Applied the reloaded configuration: {JobCount}")]
        private static partial void ReloadApplied(ILogger logger, string jobCount);
    }
}
