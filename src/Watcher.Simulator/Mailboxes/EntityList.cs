namespace Watcher.Simulator.Mailboxes;

/// <summary>
/// Users or resources of one organization, kept in ordinal order of their ids, so that a page is a binary search plus
/// the page and a cursor (the last id sent) is not shifted by entries added between pages. Callers hold the store's lock.
/// </summary>
internal sealed class EntityList<T>(Func<T, string> idOf)
{
    private readonly List<T> _entries = [];

    public int Count => _entries.Count;

    public bool Contains(string id) => Find(id) >= 0;

    /// <summary>Adds the entry; false when its id is taken.</summary>
    public bool Add(T entry)
    {
        var index = Find(idOf(entry));
        if (index >= 0)
        {
            return false;
        }

        _entries.Insert(~index, entry);
        return true;
    }

    /// <summary>Replaces the entry of <paramref name="id"/> with <paramref name="change"/> of it (which keeps the id); false when there is none.</summary>
    public bool Update(string id, Func<T, T> change)
    {
        var index = Find(id);
        if (index < 0)
        {
            return false;
        }

        _entries[index] = change(_entries[index]);
        return true;
    }

    public IReadOnlyList<T> All() => [.. _entries];

    /// <summary>Up to <paramref name="count"/> entries whose id sorts after <paramref name="afterId"/> (from the start when null).</summary>
    public List<T> Page(string? afterId, int count)
    {
        var start = 0;
        if (afterId is not null)
        {
            var index = Find(afterId);
            start = index >= 0 ? index + 1 : ~index;
        }

        return _entries.GetRange(start, Math.Min(count, _entries.Count - start));
    }

    private int Find(string id)
    {
        int low = 0, high = _entries.Count - 1;
        while (low <= high)
        {
            var middle = low + ((high - low) / 2);
            var order = string.CompareOrdinal(idOf(_entries[middle]), id);
            if (order == 0)
            {
                return middle;
            }

            if (order < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return ~low;
    }
}
