using System.Diagnostics;
using Akka.Actor;
using Akka.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Observer.Actors.Hosting;
using Observer.Actors.Shipping;
using Observer.Actors.Tasks;
using Observer.Bench.Actors;
using Observer.Contracts.Exchanges;
using Observer.Contracts.Metrics;
using Observer.Providers;
using Observer.Providers.Detection;

// Signals per second through session → provider detector → task correlator on one node.
// Usage: dotnet run -c Release --project bench/Observer.Bench.Actors [-- agents callsPerAgent rounds]
var agents = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 100;
var callsPerAgent = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 600;
var rounds = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 3;
var total = agents * callsPerAgent;

var counter = new ShippedCounter();
var options = new ObserverActorsOptions { CustomerId = "bench", AgentId = "bench-agent", HandoffQueueCapacity = total };
using var host = new HostBuilder()
    .ConfigureServices(services =>
    {
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

// Baseline in the same run: the detector alone on one thread, no actors.
var detector = new ExchangeDetector(ProvidersConfiguration.LoadDefault());
var sample = Workload.Build(agents, Math.Min(callsPerAgent, 60), DateTimeOffset.UtcNow.AddDays(-1));
var context = new DetectionContext("bench", "agent-0", "bench-conn-0");
foreach (var record in sample)
{
    detector.Detect(record, context);
}

var baseline = Stopwatch.StartNew();
foreach (var record in sample)
{
    detector.Detect(record, context);
}

var detectorPerSecond = sample.Length / baseline.Elapsed.TotalSeconds;

// And the pure correlation state alone, on the detected calls (per agent state, as the entities hold it).
var detected = sample.Select(r => detector.Detect(r, new DetectionContext("bench", r.RequestHeaders["X-Axom-Agent-Id"]!, r.Connection.Value))!).ToArray();
var settings = host.Services.GetRequiredService<TaskCorrelationSettings>();
var states = new Dictionary<string, TaskCorrelationState>();
var correlation = Stopwatch.StartNew();
foreach (var call in detected)
{
    var agent = call.Signal.AgentId;
    states[agent] = states.GetValueOrDefault(agent, TaskCorrelationState.Empty).Handle(call, call.Signal.Timestamp.AddMilliseconds(40), settings).State;
}

var correlationPerSecond = detected.Length / correlation.Elapsed.TotalSeconds;
Console.WriteLine($"workload: {agents} agents x {callsPerAgent} calls = {total} chat exchanges per round (3-turn conversations), {Environment.ProcessorCount} cores");
Console.WriteLine($"baseline: ExchangeDetector.Detect alone, one thread: {detectorPerSecond:N0} calls/s");
Console.WriteLine($"baseline: TaskCorrelationState.Handle alone, one thread: {correlationPerSecond:N0} calls/s");

long expected = 0;
for (var round = 0; round <= rounds; round++)
{
    // Round 0 warms up (JIT, shard allocation, entity creation). Each round's calls happened an hour after the
    // previous round's (still in the past), so the previous round's tasks close as idle: task signals flow too.
    var records = Workload.Build(agents, callsPerAgent, DateTimeOffset.UtcNow.AddHours(round - rounds - 1));
    expected += records.Length;
    var tasksBefore = counter.Tasks;
    var done = counter.WaitForCallsAsync(expected);
    var watch = Stopwatch.StartNew();
    foreach (var record in records)
    {
        sink.ExchangeCompleted(record);
    }

    await done.WaitAsync(TimeSpan.FromMinutes(5));
    watch.Stop();
    var tasks = counter.Tasks - tasksBefore;
    var signals = records.Length + tasks;
    if (round > 0)
    {
        Console.WriteLine(
            $"round {round}: {records.Length} ai_call + {tasks} task signals in {watch.Elapsed.TotalMilliseconds:N0} ms = {signals / watch.Elapsed.TotalSeconds:N0} signals/s "
            + $"({records.Length / watch.Elapsed.TotalSeconds:N0} calls/s; {records.Length / watch.Elapsed.TotalSeconds / detectorPerSecond:P0} of the one-thread detector)");
    }
}

Console.WriteLine($"hand-off overflow: {metrics.HandoffOverflow.Value:N0} (must be 0)");
await host.StopAsync();
