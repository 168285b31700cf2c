using Akka.Actor;
using Akka.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Observer.Actors.Persistence;
using Observer.Actors.Shipping;
using Observer.Contracts.Ids;
using Observer.Contracts.Signals;
using Observer.Testing;

// Usage: harness --data-dir DIR --backend URL [--journal sqlite|postgres --journal-connection CS]
//                [--produce N --ids-file FILE] [--batch-size N]
// Prints "READY" when the shipper runs, "ACCEPTED n" once n produced signals are in the journal,
// then keeps delivering until SIGTERM (or kill -9).
var settings = HarnessArgs.Parse(args);
var builder = Host.CreateApplicationBuilder();
builder.Logging.ClearProviders();
builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
builder.Services.AddObserverShipping();
builder.Services.AddAkka("harness", akka => akka
    .AddObserverJournal(settings.Journal)
    .AddSignalShipper(settings.Shipper));
using var host = builder.Build();
await host.StartAsync().ConfigureAwait(false);
var shipper = await host.Services.GetRequiredService<ActorRegistry>().GetAsync<SignalShipperKey>().ConfigureAwait(false);
Console.WriteLine("READY");

if (settings.Produce > 0)
{
    var ids = Enumerable.Range(0, settings.Produce).Select(_ => SignalId.New()).ToList();
    await File.WriteAllLinesAsync(settings.IdsFile!, ids).ConfigureAwait(false);
    var accepted = 0;
    foreach (var chunk in ids.Chunk(250))
    {
        var signals = chunk.Select(id => (Signal)SampleSignals.AiCall(id)).ToList();
        var reply = await shipper.Ask<ShipperProtocol.Accepted>(new ShipperProtocol.Ship(signals, ReplyTo: true), TimeSpan.FromSeconds(60)).ConfigureAwait(false);
        accepted += reply.Persisted;
    }

    Console.WriteLine($"ACCEPTED {accepted}");
}

await host.WaitForShutdownAsync().ConfigureAwait(false);
