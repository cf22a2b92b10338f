namespace Watcher.WorkMail.Model;

/// <summary>
/// The wire names of <see cref="ExportJobState"/>, as WorkMail sends them; Watcher also uses them as label values
/// and on its status page.
/// </summary>
public static class ExportJobStates
{
    public const string Running = "RUNNING";
    public const string Completed = "COMPLETED";
    public const string Failed = "FAILED";
    public const string Cancelled = "CANCELLED";

    /// <summary>Every name, indexed by <see cref="ExportJobState"/>.</summary>
    public static IReadOnlyList<string> All { get; } = [Running, Completed, Failed, Cancelled];

    public static string Name(ExportJobState state) => state switch
    {
        ExportJobState.Running => Running,
        ExportJobState.Completed => Completed,
        ExportJobState.Failed => Failed,
        ExportJobState.Cancelled => Cancelled,
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    /// <summary>Reads a wire name; names are case-sensitive, as WorkMail's enum is.</summary>
    public static bool TryParse(string? name, out ExportJobState state)
    {
        ExportJobState? parsed = name switch
        {
            Running => ExportJobState.Running,
            Completed => ExportJobState.Completed,
            Failed => ExportJobState.Failed,
            Cancelled => ExportJobState.Cancelled,
            _ => null,
        };
        state = parsed.GetValueOrDefault();
        return parsed.HasValue;
    }
}
