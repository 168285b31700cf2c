using System.Diagnostics;
using System.Globalization;
using Akka.Actor;
using Akka.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Observer.Actors.Persistence;
using Observer.Actors.Shipping;
using Observer.Bench.Shipping;
using Observer.Contracts.Signals;
using Observer.Testing;

// dotnet run -c Release --project bench/Observer.Bench.Shipping -- [--signals 200000] [--rate 2000] [--seconds 15]
//   [--journal sqlite|postgres --journal-connection CS]
var argsMap = Enumerable.Range(0, args.Length / 2).ToDictionary(i => args[2 * i], i => args[(2 * i) + 1], StringComparer.Ordinal);
int Arg(string name, int fallback) => argsMap.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
var total = Arg("--signals", 200_000);
var rate = Arg("--rate", 2_000);
var seconds = Arg("--seconds", 15);
var dataDir = Path.Combine(Path.GetTempPath(), "axom-bench-shipping-" + Guid.NewGuid().ToString("N"));
var journal = new JournalOptions
{
    Kind = argsMap.GetValueOrDefault("--journal", JournalOptions.Sqlite),
    DataDir = dataDir,
    ConnectionString = argsMap.GetValueOrDefault("--journal-connection"),
};

await using var backend = new FastBackend();
await backend.StartAsync();
var pool = Enumerable.Range(0, 1000).Select(_ => (Signal)SampleSignals.AiCall()).ToList();
var signalBytes = SignalJson.SerializeToUtf8(pool[0]).Length;
Console.WriteLine($"journal: {journal.Kind}; signal size {signalBytes} bytes; cores {Environment.ProcessorCount}");

// Baseline: the same backend fed directly (no journal), 500-signal batches, 2 in flight.
var direct = await DirectBaselineAsync(backend.Url, pool, 100_000);
Console.WriteLine($"direct POST (no journal): {direct:N0} signals/s");

// 1. Throughput: produce as fast as the journal accepts (8 Ship asks of 500 outstanding).
var shipperOptions = new ShipperOptions { BackendUrl = argsMap.TryGetValue("--backend", out var b) ? b : backend.Url, ShipperId = "bench" };
using (var node = await StartNodeAsync(journal, shipperOptions))
{
    var shipper = await node.Services.GetRequiredService<ActorRegistry>().GetAsync<SignalShipperKey>();
    var deliveredBefore = backend.Delivered;
    var clock = Stopwatch.StartNew();
    var chunks = Enumerable.Range(0, total / 500).Select(_ => Enumerable.Range(0, 500).Select(_ => pool[0] with { Id = Observer.Contracts.Ids.SignalId.New() }).ToList<Signal>()).ToList();
    var prepared = clock.Elapsed;
    clock.Restart();
    // Producers Tell (as the observer's do); the bench only keeps at most 20,000 signals not yet in the journal.
    var metrics = node.Services.GetRequiredService<Observer.Contracts.Metrics.ObserverMetrics>();
    var sent = 0;
    foreach (var chunk in chunks)
    {
        while (sent - metrics.SignalsPersisted.Value > 20_000)
        {
            await Task.Delay(1);
        }

        shipper.Tell(new ShipperProtocol.Ship(chunk));
        sent += chunk.Count;
    }

    while (metrics.SignalsPersisted.Value + metrics.SignalsDropped.WithLabels(DropReasons.JournalBehind).Value < total)
    {
        await Task.Delay(1);
    }

    var persisted = (int)metrics.SignalsPersisted.Value;
    var dropped = metrics.SignalsDropped.WithLabels(DropReasons.JournalBehind).Value + metrics.SignalsDropped.WithLabels(DropReasons.BacklogFull).Value;
    var acceptedIn = clock.Elapsed;
    var deadline = DateTime.UtcNow.AddMinutes(5);
    while (backend.Delivered - deliveredBefore < total && DateTime.UtcNow < deadline)
    {
        await Task.Delay(10);
    }

    var deliveredIn = clock.Elapsed;
    Console.WriteLine($"throughput: {persisted:N0} signals accepted into the journal in {acceptedIn.TotalSeconds:0.00} s = {persisted / acceptedIn.TotalSeconds:N0}/s (prepared in {prepared.TotalSeconds:0.0} s; refused {dropped:N0})");
    var delivered = backend.Delivered - deliveredBefore;
    Console.WriteLine($"throughput: {delivered:N0} delivered in {deliveredIn.TotalSeconds:0.00} s = {delivered / deliveredIn.TotalSeconds:N0}/s end to end; ratio to direct POST {delivered / deliveredIn.TotalSeconds / direct:0.00}");
    await node.StopAsync();
}

// 2. Latency with a healthy backend at a steady rate (default settings: batch 500, delay 200 ms, 2 in flight).
using (var node = await StartNodeAsync(journal, shipperOptions))
{
    var shipper = await node.Services.GetRequiredService<ActorRegistry>().GetAsync<SignalShipperKey>();
    var sent = new List<(string Id, long At)>();
    var perTick = Math.Max(1, rate / 100);
    var clock = Stopwatch.StartNew();
    for (var tick = 0; tick < seconds * 100; tick++)
    {
        var batch = Enumerable.Range(0, perTick).Select(_ => pool[0] with { Id = Observer.Contracts.Ids.SignalId.New() }).ToList<Signal>();
        var at = Stopwatch.GetTimestamp();
        shipper.Tell(new ShipperProtocol.Ship(batch));
        sent.AddRange(batch.Select(s => (s.Id, at)));
        var next = TimeSpan.FromMilliseconds((tick + 1) * 10);
        if (next > clock.Elapsed)
        {
            await Task.Delay(next - clock.Elapsed);
        }
    }

    var deadline = DateTime.UtcNow.AddMinutes(2);
    while (sent.Any(s => backend.ArrivalTicks(s.Id) < 0) && DateTime.UtcNow < deadline)
    {
        await Task.Delay(50);
    }

    var latencies = sent.Select(s => Stopwatch.GetElapsedTime(s.At, backend.ArrivalTicks(s.Id)).TotalMilliseconds).Order().ToList();
    double P(double q) => latencies[Math.Min(latencies.Count - 1, (int)(q * latencies.Count))];
    Console.WriteLine($"latency at {sent.Count / (double)seconds:N0} signals/s for {seconds} s (Ship to backend arrival): p50 {P(0.50):0} ms, p99 {P(0.99):0} ms, max {latencies[^1]:0} ms");
    await node.StopAsync();
}

if (!journal.IsPostgres && File.Exists(journal.SqliteFile))
{
    Console.WriteLine($"sqlite journal after the run: {new FileInfo(journal.SqliteFile).Length:N0} bytes");
}

Directory.Delete(dataDir, recursive: true);

static async Task<IHost> StartNodeAsync(JournalOptions journal, ShipperOptions shipper)
{
    var builder = Host.CreateApplicationBuilder();
    builder.Logging.ClearProviders();
    builder.Services.AddObserverShipping();
    builder.Services.AddAkka("bench", akka => akka.AddObserverJournal(journal).AddSignalShipper(shipper));
    var host = builder.Build();
    await host.StartAsync();
    return host;
}

static async Task<double> DirectBaselineAsync(string url, List<Signal> pool, int count)
{
    using var sender = new BatchSender(new ShipperOptions { BackendUrl = url });
    var batches = Enumerable.Range(0, count / 500)
        .Select(_ => new OutgoingBatch([new PendingEvent(0, 0, Enumerable.Range(0, 500).Select(_ => StoredSignal.From(pool[0] with { Id = Observer.Contracts.Ids.SignalId.New() })).ToList())]))
        .ToList();
    var clock = Stopwatch.StartNew();
    var lanes = Enumerable.Range(0, 2).Select(async lane =>
    {
        for (var i = lane; i < batches.Count; i += 2)
        {
            await sender.SendAsync(batches[i].BatchId, batches[i].Body, CancellationToken.None);
        }
    });
    await Task.WhenAll(lanes);
    return count / clock.Elapsed.TotalSeconds;
}
