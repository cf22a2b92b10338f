using System.Runtime.InteropServices;
using System.Threading.Channels;

namespace Watcher.Configuration;

/// <summary>
/// Reloads the configuration when a settings file's content changes, however it changed: edited in place, replaced
/// by a rename, a ConfigMap's <c>..data</c> symlink swapped by the kubelet, its whole folder replaced. Each file is
/// compared by content every <see cref="CheckEvery"/>, and <see cref="Settle"/> after its folder reports a change
/// (inotify misses a replaced folder and is unreliable on some volumes, so it only hastens the checks). SIGHUP
/// reloads at once, changed or not.
/// </summary>
/// <param name="wallClock">Files change in wall-clock time, whatever clock the app's polls run on.</param>
public sealed partial class SettingsReloadService(SettingsFiles settings, TimeProvider wallClock, ILogger<SettingsReloadService> logger) : BackgroundService
{
    public static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(2);

    /// <summary>Lets a writer finish: several events come for one update, and an editor may write a file in steps.</summary>
    public static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(250);

    private const int Check = 1;
    private const int FolderChanged = 2;
    private const int HangUp = 4;

    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private int _reasons;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var hangUp = PosixSignalRegistration.Create(PosixSignal.SIGHUP, context =>
        {
            context.Cancel = true;
            Wake(HangUp);
        });
        using var timer = wallClock.CreateTimer(_ => Wake(Check), null, CheckEvery, CheckEvery);
        var folders = WatchFolders();
        try
        {
            while (await _wake.Reader.WaitToReadAsync(stoppingToken))
            {
                _wake.Reader.TryRead(out _);
                if ((Volatile.Read(ref _reasons) & FolderChanged) != 0)
                {
                    await Task.Delay(Settle, wallClock, stoppingToken);
                }

                ReloadIfDue(Interlocked.Exchange(ref _reasons, 0));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            folders.ForEach(f => f.Dispose());
        }
    }

    private void ReloadIfDue(int reasons)
    {
        if ((reasons & HangUp) != 0)
        {
            Log.ReloadingOnHangUp(logger);
            settings.Reload();
        }
        else if (settings.Files.FirstOrDefault(f => f.HasChanged()) is { } changed)
        {
            Log.ReloadingOnChange(logger, changed.FullPath);
            settings.Reload();
        }
    }

    private void Wake(int reason)
    {
        Interlocked.Or(ref _reasons, reason);
        _wake.Writer.TryWrite(true);
    }

    private List<FileSystemWatcher> WatchFolders()
    {
        var watchers = new List<FileSystemWatcher>();
        foreach (var folder in settings.Files.Select(f => Path.GetDirectoryName(f.FullPath)).OfType<string>().Distinct())
        {
            FileSystemWatcher? watcher = null;
            try
            {
                watcher = new FileSystemWatcher(folder) { IncludeSubdirectories = false };
                watcher.Changed += (_, _) => Wake(FolderChanged);
                watcher.Created += (_, _) => Wake(FolderChanged);
                watcher.Deleted += (_, _) => Wake(FolderChanged);
                watcher.Renamed += (_, _) => Wake(FolderChanged);
                watcher.EnableRaisingEvents = true;
                watchers.Add(watcher);
            }
            catch (Exception ex) when (ex is IOException or ArgumentException or PlatformNotSupportedException)
            {
                // E.g. the inotify instance limit: the periodic check still sees every change.
                watcher?.Dispose();
                Log.NotWatchingFolder(logger, folder, CheckEvery, ex.Message);
            }
        }

        return watchers;
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "{Path} changed; reloading the configuration")]
        public static partial void ReloadingOnChange(ILogger logger, string path);

        [LoggerMessage(2, LogLevel.Information, "SIGHUP received; reloading the configuration")]
        public static partial void ReloadingOnHangUp(ILogger logger);

        [LoggerMessage(3, LogLevel.Information, "Not watching {Folder} for changes ({Reason}); its settings files are checked every {CheckEvery}")]
        public static partial void NotWatchingFolder(ILogger logger, string folder, TimeSpan checkEvery, string reason);
    }
}
