using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography.X509Certificates;

namespace Observer.Bench.Proxy;

/// <summary>Runs every scenario direct and through the proxy (a child process) and prints figures and ratios.</summary>
internal static class BenchRunner
{
    private const string Host = "bench.openai.test";

    public static async Task<int> RunAsync(string[] args)
    {
        var quick = args.Contains("--quick");
        var sequential = quick ? 1000 : 5000;
        var duration = TimeSpan.FromSeconds(quick ? 3 : 10);
        var sseRuns = quick ? 5 : 20;
        Console.WriteLine($"load before: {File.ReadAllText("/proc/loadavg").Trim()}  cores: {Environment.ProcessorCount}");

        await using var upstream = await BenchUpstream.StartAsync(Host);
        using var child = StartChild(upstream, out var proxyPort, out var observerCaPath);
        try
        {
            using var observerCa = X509Certificate2.CreateFromPem(await File.ReadAllTextAsync(observerCaPath));
            Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "proxy child RSS at start: {0:0.0} MB", ReadStatusKb(child.Id, "VmRSS") / 1024.0));
            var clients = new BenchClients(upstream.Port, upstream.Ca, proxyPort, observerCa);
            var small = $"https://{Host}/small";
            var sse = $"https://{Host}/sse";

            // (a) Alternate direct/proxy rounds so drift in machine load hits both alike.
            var direct = new List<double>();
            var proxied = new List<double>();
            for (var round = 0; round < 2; round++)
            {
                direct.AddRange(await Scenarios.SequentialAsync(clients.Direct, small, 300, sequential / 2));
                proxied.AddRange(await Scenarios.SequentialAsync(clients.Proxied, small, 300, sequential / 2));
            }

            var d50 = Scenarios.Percentile(direct, 50);
            var d99 = Scenarios.Percentile(direct, 99);
            var p50 = Scenarios.Percentile(proxied, 50);
            var p99 = Scenarios.Percentile(proxied, 99);

            // (b)
            // CPU time per request does not depend on how busy the shared machine is, unlike req/s.
            var cpu0 = (Self: CpuMs(Environment.ProcessId), Child: CpuMs(child.Id));
            var (directRps, directCount) = await Scenarios.ThroughputAsync(clients.Direct, small, 32, duration);
            var cpu1 = (Self: CpuMs(Environment.ProcessId), Child: CpuMs(child.Id));
            var (proxyRps, proxyCount) = await Scenarios.ThroughputAsync(clients.Proxied, small, 32, duration);
            var cpu2 = (Self: CpuMs(Environment.ProcessId), Child: CpuMs(child.Id));
            var directCpuUs = (cpu1.Self - cpu0.Self) * 1000.0 / directCount;
            var proxiedSelfUs = (cpu2.Self - cpu1.Self) * 1000.0 / proxyCount;
            var proxyChildUs = (cpu2.Child - cpu1.Child) * 1000.0 / proxyCount;
            var peakAfterLoad = ReadStatusKb(child.Id, "VmHWM");

            // (c)
            var directSse = new List<(double, double)>();
            var proxySse = new List<(double, double)>();
            using (var d = clients.Direct())
            using (var p = clients.Proxied())
            {
                await Scenarios.SseAsync(d, sse);
                await Scenarios.SseAsync(p, sse);
                for (var i = 0; i < sseRuns; i++)
                {
                    directSse.Add(await Scenarios.SseAsync(d, sse));
                    proxySse.Add(await Scenarios.SseAsync(p, sse));
                }
            }

            var dFirst = Scenarios.Percentile(directSse.Select(s => s.Item1).ToList(), 50);
            var pFirst = Scenarios.Percentile(proxySse.Select(s => s.Item1).ToList(), 50);
            var dTotal = Scenarios.Percentile(directSse.Select(s => s.Item2).ToList(), 50);
            var pTotal = Scenarios.Percentile(proxySse.Select(s => s.Item2).ToList(), 50);

            var inv = CultureInfo.InvariantCulture;
            Console.WriteLine();
            Console.WriteLine("| scenario | direct | proxy | added / ratio | target |");
            Console.WriteLine("|---|---|---|---|---|");
            Console.WriteLine(string.Format(inv, "| (a) sequential keep-alive HTTPS, p50 ({0} req) | {1:0.000} ms | {2:0.000} ms | +{3:0.000} ms | ≤ 0.2 ms |", sequential, d50, p50, p50 - d50));
            Console.WriteLine(string.Format(inv, "| (a) sequential keep-alive HTTPS, p99 | {0:0.000} ms | {1:0.000} ms | +{2:0.000} ms | ≤ 2 ms |", d99, p99, p99 - d99));
            Console.WriteLine(string.Format(inv, "| (b) 32 connections, {0:0} s each | {1:0} req/s | {2:0} req/s | {3:0.00}× | ≥ 0.6× |", duration.TotalSeconds, directRps, proxyRps, proxyRps / directRps));
            Console.WriteLine(string.Format(inv, "| (b) CPU per request: client + upstream (+ proxy) | {0:0} µs | {1:0} + {2:0} µs | proxy {2:0} µs/req | |", directCpuUs, proxiedSelfUs, proxyChildUs));
            Console.WriteLine(string.Format(inv, "| (c) SSE 50 events, time to first event (median of {0}) | {1:0.000} ms | {2:0.000} ms | +{3:0.000} ms | ≤ 0.5 ms |", sseRuns, dFirst, pFirst, pFirst - dFirst));
            Console.WriteLine(string.Format(inv, "| (c) SSE 50 events, total | {0:0.000} ms | {1:0.000} ms | +{2:0.000} ms | |", dTotal, pTotal, pTotal - dTotal));
            Console.WriteLine(string.Format(inv, "| (d) proxy peak RSS (VmHWM) after (b) | | {0:0.0} MB | | ≤ 100 MB |", peakAfterLoad / 1024.0));
            Console.WriteLine(string.Format(inv, "| (d) proxy peak RSS at the end | | {0:0.0} MB | | |", ReadStatusKb(child.Id, "VmHWM") / 1024.0));
            Console.WriteLine();
            Console.WriteLine($"load after: {File.ReadAllText("/proc/loadavg").Trim()}");
        }
        finally
        {
            child.StandardInput.Close();
            if (!child.WaitForExit(10_000))
            {
                child.Kill();
            }
        }

        return 0;
    }

    private static Process StartChild(BenchUpstream upstream, out int port, out string caPath)
    {
        var info = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };

        // Workstation GC sizes gen0 from the CPU cache; on this machine that lets ~100 MB of short-lived garbage pile
        // up before the first collection. The observer host sets the same budget (see docs/benchmarks.md).
        var gen0 = Environment.GetEnvironmentVariable("BENCH_PROXY_GEN0SIZE") ?? "0x800000";
        if (gen0 != "none")
        {
            info.Environment["DOTNET_GCgen0size"] = gen0;
        }

        // Runtime knobs for experiments: BENCH_CHILD_DOTNET_X=v reaches the proxy child as DOTNET_X=v.
        foreach (System.Collections.DictionaryEntry variable in Environment.GetEnvironmentVariables())
        {
            if (variable.Key is string name && name.StartsWith("BENCH_CHILD_DOTNET_", StringComparison.Ordinal))
            {
                info.Environment[name["BENCH_CHILD_".Length..]] = variable.Value as string;
            }
        }
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
        {
            info.ArgumentList.Add(typeof(BenchRunner).Assembly.Location);
        }

        foreach (var a in new[] { "--proxy-child", upstream.CaPath, Host, upstream.Port.ToString(CultureInfo.InvariantCulture) })
        {
            info.ArgumentList.Add(a);
        }

        var child = Process.Start(info)!;
        var ready = child.StandardOutput.ReadLine() ?? throw new InvalidOperationException("the proxy child exited before it was ready");
        var parts = ready.Split(' ');
        port = int.Parse(parts[1], CultureInfo.InvariantCulture);
        caPath = parts[2];
        return child;
    }

    /// <summary>User + system CPU time of a process in ms, from /proc/PID/stat (clock ticks of 10 ms).</summary>
    private static double CpuMs(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) * 10.0;
    }

    private static long ReadStatusKb(int pid, string field)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith(field + ":", StringComparison.Ordinal))
            {
                return long.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            }
        }

        return -1;
    }
}
