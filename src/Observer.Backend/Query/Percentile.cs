namespace Observer.Backend.Query;

/// <summary>
/// Percentiles by linear interpolation between closest ranks (NumPy's default, Excel's PERCENTILE.INC):
/// rank = q·(n−1) over the sorted values.
/// </summary>
public static class Percentile
{
    public static double? Of(IReadOnlyList<double> values, double q)
    {
        if (values.Count == 0)
        {
            return null;
        }

        var sorted = values.Order().ToArray();
        var rank = q * (sorted.Length - 1);
        var lower = (int)Math.Floor(rank);
        var upper = (int)Math.Ceiling(rank);
        return sorted[lower] + ((sorted[upper] - sorted[lower]) * (rank - lower));
    }
}
