using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Observer.Contracts.Exchanges;
using Observer.Contracts.Metrics;
using Observer.Proxy;
using Observer.Proxy.Forwarding;
using Observer.Proxy.Hosting;
using Observer.Proxy.Tls;

namespace Observer.Bench.Proxy;

/// <summary>The proxy under test, alone in its process: prints "READY port caPath", runs until stdin closes.</summary>
internal static class ProxyChild
{
    public static async Task<int> RunAsync(string[] args)
    {
        // args: upstreamCaPath host upstreamPort
        // As the observer host does on start-up (--inline-io, default on), before any socket exists.
        InlineIo.Apply(enabled: true);
        var dataDir = Path.Combine(Path.GetTempPath(), "axom-bench-proxy-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        using var ca = CertificateAuthority.LoadOrCreate(dataDir, null, null);
        var options = new ProxyOptions { UpstreamCaPath = args[0] };
        options.Ports.Add(0);
        options.Resolve.Add(new ResolveOverride(args[1], 443, "127.0.0.1", int.Parse(args[2], CultureInfo.InvariantCulture)));
        var sink = new CountingSink();
        await using var server = new ProxyServer(options, ca, (h, _) => h == args[1], sink, new ObserverMetrics(), NullLoggerFactory.Instance);
        await server.StartAsync(CancellationToken.None);
        Console.WriteLine($"READY {server.BoundEndpoints[0].Port} {ca.CertificatePath}");
        await Console.In.ReadToEndAsync();
        var gc = GC.GetGCMemoryInfo();
        Console.Error.WriteLine($"proxy child: exchanges observed {sink.Exchanges}, server GC {System.Runtime.GCSettings.IsServerGC}, gen0 GCs {GC.CollectionCount(0)}, gen2 GCs {GC.CollectionCount(2)}, heap {gc.HeapSizeBytes / 1048576.0:0.0} MB, committed {gc.TotalCommittedBytes / 1048576.0:0.0} MB");
        if (sink.SseTtfb.Count > 0)
        {
            Console.Error.WriteLine($"proxy child: SSE time from request start to first byte to the client, median {Scenarios.Percentile(sink.SseTtfb, 50):0.000} ms of {sink.SseTtfb.Count}");
        }

        await server.StopAsync(TimeSpan.FromSeconds(2), CancellationToken.None);
        Directory.Delete(dataDir, recursive: true);
        return 0;
    }

    /// <summary>A sink that only counts, standing in for the actor hand-off (non-blocking, like the real one).</summary>
    private sealed class CountingSink : IExchangeSink
    {
        private long _exchanges;

        public long Exchanges => Interlocked.Read(ref _exchanges);

        public void ConnectionOpened(ConnectionInfo connection)
        {
        }

        public void ExchangeCompleted(ExchangeRecord exchange)
        {
            Interlocked.Increment(ref _exchanges);
            if (exchange.Path == "/sse" && exchange.Query.Length == 0 && exchange.TtfbMs is { } ttfb)
            {
                lock (SseTtfb)
                {
                    SseTtfb.Add(ttfb);
                }
            }
        }

        public List<double> SseTtfb { get; } = [];

        public void WebSocketMessage(WebSocketMessageObserved message)
        {
        }

        public void ConnectionClosed(ConnectionId connection, DateTimeOffset closedAt)
        {
        }
    }
}
