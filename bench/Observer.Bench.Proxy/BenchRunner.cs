using System.Globalization;
using System.Security.Cryptography.X509Certificates;

namespace Observer.Bench.Proxy;

/// <summary>
/// Runs every scenario direct, through the proxy (a child process) and through the TLS byte relay (another child:
/// the floor of any intercepting proxy), and prints figures and ratios.
/// </summary>
internal static class BenchRunner
{
    private const string Host = "bench.openai.test";
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static async Task<int> RunAsync(string[] args)
    {
        var settings = BenchSettings.Parse(args);
        Console.WriteLine($"load before: {File.ReadAllText("/proc/loadavg").Trim()}  cores: {Environment.ProcessorCount}");

        await using var upstream = await BenchUpstream.StartAsync(Host);
        using var proxy = ChildProcess.Start("--proxy-child", upstream, Host);
        using var relay = ChildProcess.Start("--relay-child", upstream, Host);
        using var proxyCa = X509Certificate2.CreateFromPem(await File.ReadAllTextAsync(proxy.CaPath));
        using var relayCa = X509Certificate2.CreateFromPem(await File.ReadAllTextAsync(relay.CaPath));
        Console.WriteLine(string.Format(Inv, "proxy child RSS at start: {0:0.0} MB", proxy.StatusKb("VmRSS") / 1024.0));
        var paths = new BenchPaths(new BenchClients(upstream.Port, upstream.Ca, proxy.Port, proxyCa), new BenchClients(upstream.Port, upstream.Ca, relay.Port, relayCa));
        var small = $"https://{Host}/small";

        if (settings.ProfileSeconds is { } profileSeconds)
        {
            // Only the proxied half of (b), long enough to attach a profiler to the child (perf record -p PID).
            Console.WriteLine($"proxy child pid {proxy.Process.Id}: (b) through the proxy for {profileSeconds} s after a 5 s warm-up");
            await Scenarios.ThroughputAsync(paths.Proxy, small, 32, TimeSpan.FromSeconds(5));
            var cpuStart = proxy.CpuMs();
            var (rps, count) = await Scenarios.ThroughputAsync(paths.Proxy, small, 32, TimeSpan.FromSeconds(profileSeconds));
            Console.WriteLine(string.Format(Inv, "{0:0} req/s, proxy {1:0} µs CPU per request", rps, (proxy.CpuMs() - cpuStart) * 1000.0 / count));
            return 0;
        }

        var report = new List<string>
        {
            "| scenario | direct | proxy | added / ratio | target | TLS relay floor |",
            "|---|---|---|---|---|---|",
        };

        if (settings.Runs('a'))
        {
            report.AddRange(await LatencyAsync(paths, small, settings));
        }

        if (settings.Runs('b'))
        {
            report.AddRange(await ThroughputAsync(paths, small, proxy, relay, settings));
        }

        if (settings.Runs('c'))
        {
            report.AddRange(await SseAsync(paths, $"https://{Host}/sse", settings));
        }

        report.Add(string.Format(Inv, "| (d) proxy peak RSS (VmHWM) at the end | | {0:0.0} MB | | ≤ 100 MB | {1:0.0} MB |", proxy.StatusKb("VmHWM") / 1024.0, relay.StatusKb("VmHWM") / 1024.0));
        report.Add(string.Format(Inv, "| (d) proxy RSS at the end: anonymous + file-backed | | {0:0.0} + {1:0.0} MB | | | {2:0.0} + {3:0.0} MB |",
            proxy.SmapsKb("Anonymous") / 1024.0, (proxy.SmapsKb("Rss") - proxy.SmapsKb("Anonymous")) / 1024.0,
            relay.SmapsKb("Anonymous") / 1024.0, (relay.SmapsKb("Rss") - relay.SmapsKb("Anonymous")) / 1024.0));
        Console.WriteLine();
        report.ForEach(Console.WriteLine);
        Console.WriteLine();
        Console.WriteLine($"load after: {File.ReadAllText("/proc/loadavg").Trim()}");
        return 0;
    }

    /// <summary>(a) Sequential requests on one keep-alive connection, after a timed warm-up of every path.</summary>
    private static async Task<IEnumerable<string>> LatencyAsync(BenchPaths paths, string url, BenchSettings settings)
    {
        foreach (var path in paths.All)
        {
            await Scenarios.WarmSequentialAsync(path, url, settings.WarmUp);
        }

        // Alternate the paths in rounds so drift in machine load hits all alike.
        var samples = paths.All.Select(_ => new List<double>()).ToArray();
        for (var round = 0; round < settings.LatencyRounds; round++)
        {
            for (var i = 0; i < samples.Length; i++)
            {
                samples[i].AddRange(await Scenarios.SequentialAsync(paths.All[i], url, 100, settings.LatencyRequests));
            }
        }

        var (d, p, r) = (samples[0], samples[1], samples[2]);
        var count = d.Count;
        return
        [
            Row($"(a) sequential keep-alive HTTPS, p50 ({count} req)", d, p, r, 50, "≤ 0.2 ms"),
            Row("(a) sequential keep-alive HTTPS, p99", d, p, r, 99, "≤ 2 ms"),
            Row("(a) sequential keep-alive HTTPS, p99.9", d, p, r, 99.9, ""),
        ];

        static string Row(string name, List<double> d, List<double> p, List<double> r, double q, string target)
        {
            var (dq, pq, rq) = (Scenarios.Percentile(d, q), Scenarios.Percentile(p, q), Scenarios.Percentile(r, q));
            return string.Format(Inv, "| {0} | {1:0.000} ms | {2:0.000} ms | {3:+0.000;-0.000} ms | {4} | {5:0.000} ms ({6:+0.000;-0.000}) |", name, dq, pq, pq - dq, target, rq, rq - dq);
        }
    }

    /// <summary>(b) 32 connections back to back; CPU time per request from /proc, since it does not depend on load.</summary>
    private static async Task<IEnumerable<string>> ThroughputAsync(BenchPaths paths, string url, ChildProcess proxy, ChildProcess relay, BenchSettings settings)
    {
        foreach (var path in paths.All)
        {
            await Scenarios.ThroughputAsync(path, url, 32, settings.WarmUp);
        }

        var requests = new long[3];
        var seconds = new double[3];
        var selfCpu = new double[3];
        var childCpu = new double[3];
        ChildProcess?[] children = [null, proxy, relay];
        for (var round = 0; round < settings.ThroughputRounds; round++)
        {
            for (var i = 0; i < 3; i++)
            {
                var (self0, child0) = (ChildProcess.SelfCpuMs(), children[i]?.CpuMs() ?? 0);
                var (rps, count) = await Scenarios.ThroughputAsync(paths.All[i], url, 32, settings.ThroughputRound);
                requests[i] += count;
                seconds[i] += count / rps;
                selfCpu[i] += ChildProcess.SelfCpuMs() - self0;
                childCpu[i] += (children[i]?.CpuMs() ?? 0) - child0;
            }
        }

        var rate = requests.Select((n, i) => n / seconds[i]).ToArray();
        var perRequest = (Func<double[], int, double>)((cpu, i) => cpu[i] * 1000.0 / requests[i]);
        return
        [
            string.Format(Inv, "| (b) 32 connections, {0} × {1:0} s each | {2:0} req/s | {3:0} req/s | {4:0.00}× | ≥ 0.6× | {5:0} req/s ({6:0.00}×) |",
                settings.ThroughputRounds, settings.ThroughputRound.TotalSeconds, rate[0], rate[1], rate[1] / rate[0], rate[2], rate[2] / rate[0]),
            string.Format(Inv, "| (b) CPU per request: load generator + upstream (+ middle) | {0:0} µs | {1:0} + {2:0} µs | | | {3:0} + {4:0} µs |",
                perRequest(selfCpu, 0), perRequest(selfCpu, 1), perRequest(childCpu, 1), perRequest(selfCpu, 2), perRequest(childCpu, 2)),
        ];
    }

    /// <summary>(c) SSE streams of 50 events: time to first event and to the end, medians over alternating runs.</summary>
    private static async Task<IEnumerable<string>> SseAsync(BenchPaths paths, string url, BenchSettings settings)
    {
        var clients = paths.All.Select(f => f()).ToArray();
        try
        {
            var runs = clients.Select(_ => new List<(double First, double Total)>()).ToArray();
            // The SSE path (chunked bodies, the SSE tap) is code that (a) and (b) do not warm.
            foreach (var client in clients)
            {
                var stopAt = DateTime.UtcNow + settings.WarmUp;
                for (var i = 0; i < 2000 && DateTime.UtcNow < stopAt; i++)
                {
                    await Scenarios.SseAsync(client, url + "?warm");
                }
            }

            for (var run = 0; run < settings.SseRuns; run++)
            {
                for (var i = 0; i < clients.Length; i++)
                {
                    runs[i].Add(await Scenarios.SseAsync(clients[i], url));
                }
            }

            var first = runs.Select(r => Scenarios.Percentile(r.Select(x => x.First).ToList(), 50)).ToArray();
            var total = runs.Select(r => Scenarios.Percentile(r.Select(x => x.Total).ToList(), 50)).ToArray();
            return
            [
                string.Format(Inv, "| (c) SSE 50 events, time to first event (median of {0}) | {1:0.000} ms | {2:0.000} ms | {3:+0.000;-0.000} ms | ≤ 0.5 ms | {4:0.000} ms ({5:+0.000;-0.000}) |",
                    settings.SseRuns, first[0], first[1], first[1] - first[0], first[2], first[2] - first[0]),
                string.Format(Inv, "| (c) SSE 50 events, total | {0:0.000} ms | {1:0.000} ms | {2:+0.000;-0.000} ms | | {3:0.000} ms ({4:+0.000;-0.000}) |",
                    total[0], total[1], total[1] - total[0], total[2], total[2] - total[0]),
            ];
        }
        finally
        {
            foreach (var client in clients)
            {
                client.Dispose();
            }
        }
    }

    /// <summary>The three ways to reach the upstream, in report order.</summary>
    private sealed class BenchPaths(BenchClients proxy, BenchClients relay)
    {
        public Func<HttpClient> Direct { get; } = proxy.Direct;
        public Func<HttpClient> Proxy { get; } = proxy.Proxied;
        public Func<HttpClient> Relay { get; } = relay.Proxied;
        public Func<HttpClient>[] All => [Direct, Proxy, Relay];
    }
}
