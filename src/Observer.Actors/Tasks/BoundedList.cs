using System.Collections.Immutable;

namespace Observer.Actors.Tasks;

/// <summary>Appends to small immutable arrays that keep at most a fixed number of entries (oldest dropped).</summary>
internal static class BoundedList
{
    public static ImmutableArray<T> AppendDistinct<T>(ImmutableArray<T> items, T item, int max)
    {
        if (items.Contains(item))
        {
            return items;
        }

        return items.Length >= max ? items.RemoveAt(0).Add(item) : items.Add(item);
    }

    public static ImmutableArray<T> AppendDistinct<T>(ImmutableArray<T> items, IEnumerable<T> newItems, int max)
    {
        foreach (var item in newItems)
        {
            items = AppendDistinct(items, item, max);
        }

        return items;
    }

    public static bool Overlaps<T>(ImmutableArray<T> items, IReadOnlyList<T> candidates)
    {
        if (items.IsEmpty)
        {
            return false;
        }

        for (var i = 0; i < candidates.Count; i++)
        {
            if (items.Contains(candidates[i]))
            {
                return true;
            }
        }

        return false;
    }
}
