using Observer.Backend.Storage;

namespace Observer.Backend.Query;

/// <summary>Pure aggregation of call metrics into per-provider and per-model figures and time buckets.</summary>
public static class StatsCalculator
{
    public const int MaxBuckets = 500;

    public static StatsReport Compute(IReadOnlyList<CallMetric> calls, TimeRange range)
    {
        var providers = calls.GroupBy(c => c.Provider)
            .Select(g => Row(g.Key, null, g.ToList()))
            .OrderByDescending(r => r.Calls).ThenBy(r => r.Provider, StringComparer.Ordinal)
            .ToList();
        var models = calls.GroupBy(c => (c.Provider, c.Model))
            .Select(g => Row(g.Key.Provider, g.Key.Model, g.ToList()))
            .OrderByDescending(r => r.Calls).ThenBy(r => r.Provider, StringComparer.Ordinal)
            .ThenBy(r => r.Model, StringComparer.Ordinal)
            .ToList();
        return new StatsReport(range.From, range.To, Row("*", null, calls), providers, models);
    }

    /// <summary>Splits the range (or the span of the data when open) into <paramref name="buckets"/> equal buckets.</summary>
    public static SeriesReport Series(IReadOnlyList<CallMetric> calls, TimeRange range, int buckets)
    {
        buckets = Math.Clamp(buckets, 1, MaxBuckets);
        var from = range.From ?? (calls.Count > 0 ? calls.Min(c => c.Timestamp) : DateTimeOffset.UtcNow);
        var to = range.To ?? (calls.Count > 0 ? calls.Max(c => c.Timestamp).AddMilliseconds(1) : from.AddMinutes(1));
        var span = Math.Max(1, (to - from).TotalMilliseconds);
        var width = span / buckets;
        var grouped = calls
            .GroupBy(c => Math.Clamp((int)((c.Timestamp - from).TotalMilliseconds / width), 0, buckets - 1))
            .ToDictionary(g => g.Key, g => g.ToList());
        var points = new List<SeriesPoint>(buckets);
        for (var i = 0; i < buckets; i++)
        {
            var bucket = grouped.GetValueOrDefault(i) ?? [];
            var row = Row("*", null, bucket);
            points.Add(new SeriesPoint(
                from.AddMilliseconds(i * width), row.Calls, row.Errors, row.LatencyP50Ms, row.TtftP50Ms,
                row.TotalTokens, row.CostUsd));
        }

        return new SeriesReport(from, to, width, points);
    }

    private static StatsRow Row(string provider, string? model, IReadOnlyList<CallMetric> calls)
    {
        var latencies = calls.Select(c => c.LatencyMs).ToList();
        var ttfts = calls.Where(c => c.TtftMs is not null).Select(c => c.TtftMs!.Value).ToList();
        return new StatsRow(
            provider,
            model,
            calls.Count,
            calls.Count(c => c.IsError),
            Percentile.Of(latencies, 0.50),
            Percentile.Of(latencies, 0.95),
            Percentile.Of(ttfts, 0.50),
            calls.Sum(c => c.InputTokens ?? 0),
            calls.Sum(c => c.OutputTokens ?? 0),
            calls.Sum(c => c.TotalTokens ?? 0),
            Math.Round(calls.Sum(c => c.CostUsd ?? 0), 10));
    }
}
