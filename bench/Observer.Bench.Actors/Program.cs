using System.Diagnostics;
using System.Globalization;
using Akka.Actor;
using Akka.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Observer.Actors.Detection;
using Observer.Actors.Hosting;
using Observer.Actors.Shipping;
using Observer.Actors.Tasks;
using Observer.Bench.Actors;
using Observer.Contracts.Exchanges;
using Observer.Contracts.Metrics;
using Observer.Providers;
using Observer.Providers.Detection;

// Signals per second through session → provider detector → task correlator on one node.
// Usage: dotnet bench/Observer.Bench.Actors/bin/Release/net10.0/Observer.Bench.Actors.dll [agents] [callsPerAgent] [rounds] [--actors-only]
var numbers = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray();
var agents = numbers.Length > 0 ? numbers[0] : 100;
var callsPerAgent = numbers.Length > 1 ? numbers[1] : 600;
var rounds = numbers.Length > 2 ? numbers[2] : 5;
var actorsOnly = args.Contains("--actors-only");
var total = agents * callsPerAgent;

var detector = new ExchangeDetector(ProvidersConfiguration.LoadDefault());
var precomputed = new PrecomputedDetector(new ExchangeCallDetector(detector));
var counter = new ShippedCounter();
var options = new ObserverActorsOptions { CustomerId = "bench", AgentId = "bench-agent", HandoffQueueCapacity = total };
using var host = new HostBuilder()
    .ConfigureServices(services =>
    {
        services.AddSingleton<ICallDetector>(actorsOnly ? precomputed : new ExchangeCallDetector(detector));
        services.AddObserverActorServices(options);
        services.AddAkka(ObserverActorsOptions.ActorSystemName, (builder, sp) => builder
            .AddObserverActors(options, sp)
            .WithActors((system, registry) => registry.Register<SignalShipperKey>(system.ActorOf(Props.Create(() => new CountingShipperActor(counter)), "shipper"))));
    })
    .Build();
await host.StartAsync();
await host.Services.GetRequiredService<ActorSystemReadiness>().WhenReady.WaitAsync(TimeSpan.FromSeconds(60));
var sink = host.Services.GetRequiredService<IExchangeSink>();
var metrics = host.Services.GetRequiredService<ObserverMetrics>();

// Baselines in the same run, one thread, no actors: the detector alone, then the pure correlation state alone.
var sample = Workload.Build(agents, Math.Min(callsPerAgent, 120), DateTimeOffset.UtcNow.AddDays(-1));
var context = new DetectionContext("bench", "agent-0", "bench-conn-0");
foreach (var record in sample)
{
    detector.Detect(record, context);
}

var baseline = Stopwatch.StartNew();
var detected = sample.Select(r => detector.Detect(r, new DetectionContext("bench", r.RequestHeaders["X-Axom-Agent-Id"]!, r.Connection.Value))!).ToArray();
var detectorPerSecond = sample.Length / baseline.Elapsed.TotalSeconds;
var settings = host.Services.GetRequiredService<TaskCorrelationSettings>();
var states = new Dictionary<string, TaskCorrelationState>();
var correlation = Stopwatch.StartNew();
foreach (var call in detected)
{
    var agent = call.Signal.AgentId;
    states[agent] = states.GetValueOrDefault(agent, TaskCorrelationState.Empty).Handle(call, call.Signal.Timestamp.AddMilliseconds(40), settings).State;
}

var correlationPerSecond = detected.Length / correlation.Elapsed.TotalSeconds;
Console.WriteLine($"workload: {agents} agents x {callsPerAgent} calls = {total} chat exchanges per round (3-turn conversations), {Environment.ProcessorCount} cores{(actorsOnly ? ", actors only (detection precomputed)" : "")}");
Console.WriteLine($"baseline: ExchangeDetector.Detect alone, one thread: {detectorPerSecond:N0} calls/s");
Console.WriteLine($"baseline: TaskCorrelationState.Handle alone, one thread: {correlationPerSecond:N0} calls/s");

long expected = 0;
var results = new List<double>();
var perCpuSecond = new List<double>();
for (var round = 0; round <= rounds; round++)
{
    // Round 0 warms up (JIT, shard allocation, entity creation). Each round's calls happened an hour after the
    // previous round's (still in the past), so the previous round's tasks close as idle: task signals flow too.
    var records = Workload.Build(agents, callsPerAgent, DateTimeOffset.UtcNow.AddHours(round - rounds - 1));
    if (actorsOnly)
    {
        precomputed.Precompute(records);
    }

    expected += records.Length;
    var tasksBefore = counter.Tasks;
    var done = counter.WaitForCallsAsync(expected);
    var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
    var watch = Stopwatch.StartNew();
    foreach (var record in records)
    {
        sink.ExchangeCompleted(record);
    }

    await done.WaitAsync(TimeSpan.FromMinutes(5));
    watch.Stop();
    var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
    var tasks = counter.Tasks - tasksBefore;
    var perSecond = (records.Length + tasks) / watch.Elapsed.TotalSeconds;
    if (round > 0)
    {
        results.Add(perSecond);
        perCpuSecond.Add((records.Length + tasks) / cpu.TotalSeconds);
        Console.WriteLine(
            $"round {round}: {records.Length} ai_call + {tasks} task signals in {watch.Elapsed.TotalMilliseconds:N0} ms = {perSecond:N0} signals/s "
            + $"({records.Length / watch.Elapsed.TotalSeconds:N0} calls/s); process CPU {cpu.TotalMilliseconds:N0} ms = {(records.Length + tasks) / cpu.TotalSeconds:N0} signals per CPU-second");
    }
}

results.Sort();
perCpuSecond.Sort();
Console.WriteLine(
    $"signals/s: median {results[results.Count / 2]:N0}, best {results[^1]:N0}; per CPU-second: median {perCpuSecond[perCpuSecond.Count / 2]:N0}; "
    + $"hand-off overflow: {metrics.HandoffOverflow.Value:N0} (must be 0)");
await host.StopAsync();
