using System.Diagnostics;

namespace Observer.Bench.Proxy;

/// <summary>The measured traffic patterns; each runs the same way for the direct and the proxied client.</summary>
internal static class Scenarios
{
    /// <summary>(a) Sequential small requests on one keep-alive connection: per-request latency in ms.</summary>
    public static async Task<List<double>> SequentialAsync(Func<HttpClient> factory, string url, int warmup, int count)
    {
        using var client = factory();
        for (var i = 0; i < warmup; i++)
        {
            await client.GetByteArrayAsync(url);
        }

        var samples = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await client.GetByteArrayAsync(url);
            samples.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        return samples;
    }

    /// <summary>Sequential requests for a fixed time, unmeasured: lets tiered JIT settle in every process.</summary>
    public static async Task WarmSequentialAsync(Func<HttpClient> factory, string url, TimeSpan duration)
    {
        using var client = factory();
        var stopAt = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        for (var i = 0; i < 1_000_000 && Stopwatch.GetTimestamp() < stopAt; i++)
        {
            await client.GetByteArrayAsync(url);
        }
    }

    /// <summary>(b) N connections issuing requests back to back for a fixed time: requests per second.</summary>
    public static async Task<(double Rps, long Requests)> ThroughputAsync(Func<HttpClient> factory, string url, int connections, TimeSpan duration)
    {
        var clients = Enumerable.Range(0, connections).Select(_ => factory()).ToList();
        await Task.WhenAll(clients.Select(c => c.GetByteArrayAsync(url)));
        long done = 0;
        var stopAt = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var start = Stopwatch.GetTimestamp();
        await Task.WhenAll(clients.Select(async c =>
        {
            while (Stopwatch.GetTimestamp() < stopAt)
            {
                await c.GetByteArrayAsync(url);
                Interlocked.Increment(ref done);
            }
        }));
        var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        clients.ForEach(c => c.Dispose());
        return (done / seconds, done);
    }

    /// <summary>(c) One SSE stream of 50 events: time to first event and to the end, in ms.</summary>
    public static async Task<(double FirstEvent, double Total)> SseAsync(HttpClient client, string url)
    {
        var start = Stopwatch.GetTimestamp();
        using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
        await using var stream = await response.Content.ReadAsStreamAsync();
        using var reader = new StreamReader(stream);
        double first = -1;
        var events = 0;
        while (await reader.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("data:", StringComparison.Ordinal))
            {
                if (events++ == 0)
                {
                    first = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                }
            }
        }

        if (events != 51)
        {
            throw new InvalidOperationException($"expected 51 events, got {events}");
        }

        return (first, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
    }

    public static double Percentile(List<double> samples, double p)
    {
        var sorted = samples.Order().ToList();
        var index = (int)Math.Ceiling(p / 100 * sorted.Count) - 1;
        return sorted[Math.Clamp(index, 0, sorted.Count - 1)];
    }
}
