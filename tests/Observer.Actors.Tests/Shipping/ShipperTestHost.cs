using Akka.Actor;
using Akka.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Observer.Actors.Persistence;
using Observer.Actors.Shipping;
using Observer.Contracts.Metrics;
using Observer.Contracts.Signals;

namespace Observer.Actors.Tests.Shipping;

/// <summary>An in-process observer node: a generic host with the real journal (SQLite file or PostgreSQL) and the shipper.</summary>
public sealed class ShipperTestHost : IAsyncDisposable
{
    private readonly IHost _host;

    private ShipperTestHost(IHost host, IActorRef shipper)
    {
        _host = host;
        Shipper = shipper;
    }

    public IActorRef Shipper { get; }

    public ObserverMetrics Metrics => _host.Services.GetRequiredService<ObserverMetrics>();

    public ShipperStatus Status => _host.Services.GetRequiredService<ShipperStatus>();

    public JournalHealth Health => _host.Services.GetRequiredService<JournalHealth>();

    public ActorSystem System => _host.Services.GetRequiredService<ActorSystem>();

    public static ShipperOptions FastOptions(string backendUrl, string shipperId = "test") => new()
    {
        BackendUrl = backendUrl,
        BackendToken = "token-1",
        SigningKey = "signing-key-1",
        BatchSize = 200,
        BatchDelay = TimeSpan.FromMilliseconds(20),
        InitialBackoff = TimeSpan.FromMilliseconds(50),
        MaxBackoff = TimeSpan.FromMilliseconds(500),
        RequestTimeout = TimeSpan.FromSeconds(10),
        ShipperId = shipperId,
    };

    public static async Task<ShipperTestHost> StartAsync(JournalOptions journal, ShipperOptions shipper)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddObserverShipping();
        builder.Services.AddAkka("shipper-test", akka => akka.AddObserverJournal(journal).AddSignalShipper(shipper));
        var host = builder.Build();
        await host.StartAsync();
        var shipperRef = await host.Services.GetRequiredService<ActorRegistry>().GetAsync<SignalShipperKey>();
        return new ShipperTestHost(host, shipperRef);
    }

    /// <summary>Ships in chunks and waits until each chunk is in the journal; returns how many were persisted.</summary>
    public async Task<int> ShipAsync(IReadOnlyList<Signal> signals, int chunk = 250)
    {
        var persisted = 0;
        foreach (var part in signals.Chunk(chunk))
        {
            var reply = await Shipper.Ask<ShipperProtocol.Accepted>(new ShipperProtocol.Ship(part, ReplyTo: true), TimeSpan.FromSeconds(60));
            persisted += reply.Persisted;
        }

        return persisted;
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
