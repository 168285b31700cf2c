using Akka.Actor;
using Akka.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Observer.Actors.Persistence;
using Observer.Contracts.Metrics;

namespace Observer.Actors.Shipping;

/// <summary>Akka.Hosting set-up of the node's signal shipper.</summary>
public static class ShipperHostingExtensions
{
    private static readonly TimeSpan ShutdownFlushTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Registers the shipper serializer and starts the shipper under <see cref="SignalShipperKey"/>. Needs
    /// <see cref="JournalHostingExtensions.AddObserverJournal"/> first and <c>services.AddObserverShipping()</c>.
    /// On coordinated shutdown it flushes accepted signals to the journal before the actor system stops.
    /// </summary>
    public static AkkaConfigurationBuilder AddSignalShipper(this AkkaConfigurationBuilder builder, ShipperOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        builder.WithCustomSerializer("axom-shipping", ShippingSerializer.BoundTypes, system => new ShippingSerializer(system));
        builder.StartActors((system, registry, resolver) =>
        {
            var deps = new ShipperDependencies(
                options,
                new BatchSender(options),
                Require<ObserverMetrics>(resolver),
                Require<ShipperStatus>(resolver),
                ObserverJournal.For(system),
                (resolver.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance).CreateLogger("Observer.Shipping"));
            _ = deps.Journal.Database;
            var shipper = system.ActorOf(SignalShipper.Props(deps), "signal-shipper");
            registry.Register<SignalShipperKey>(shipper);
            CoordinatedShutdown.Get(system).AddTask(CoordinatedShutdown.PhaseBeforeActorSystemTerminate, "flush-signal-shipper", async () =>
            {
                try
                {
                    await shipper.Ask<Flushed>(FlushShipper.Instance, ShutdownFlushTimeout).ConfigureAwait(false);
                }
                catch (AskTimeoutException)
                {
                    // The journal did not answer in time; what it has not written was never accepted.
                }

                return Akka.Done.Instance;
            });
        });
        return builder;
    }

    private static T Require<T>(Akka.DependencyInjection.IDependencyResolver resolver)
        where T : class =>
        resolver.GetService<T>() ?? throw new InvalidOperationException($"register {typeof(T).Name} in DI: services.AddObserverShipping()");
}
