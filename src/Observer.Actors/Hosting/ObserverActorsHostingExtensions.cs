using Akka.Actor;
using Akka.Cluster.Hosting;
using Akka.Cluster.Sharding;
using Akka.Hosting;
using Akka.Remote.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Observer.Actors.Cluster;
using Observer.Actors.Detection;
using Observer.Actors.Serialization;
using Observer.Actors.Sessions;
using Observer.Actors.Tasks;
using Observer.Contracts.Metrics;

namespace Observer.Actors.Hosting;

/// <summary>The Akka.Hosting configuration of the actor side: one builder call composes it.</summary>
public static class ObserverActorsHostingExtensions
{
    public const string DetectorRegionName = "provider-detector";
    public const string CorrelatorRegionName = "task-correlation";

    /// <summary>
    /// Registers the message serializer, remoting and clustering (joining itself when no seed is given), the
    /// provider-detector and task-correlation shard regions and the session supervisor, and attaches the
    /// <see cref="ActorExchangeSink"/> to it. Needs <see cref="ObserverActorsServiceCollectionExtensions.AddObserverActorServices"/>
    /// on the same service provider. Persistence and the shipper are added separately.
    /// </summary>
    public static AkkaConfigurationBuilder AddObserverActors(this AkkaConfigurationBuilder builder, ObserverActorsOptions options, IServiceProvider sp)
    {
        var metrics = sp.GetRequiredService<ObserverMetrics>();
        var time = sp.GetRequiredService<TimeProvider>();
        var detector = sp.GetRequiredService<ICallDetector>();
        var taskSettings = sp.GetRequiredService<TaskCorrelationSettings>();
        var loggers = sp.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance;

        builder
            .WithCustomSerializer(ObserverMessageSerializer.Name, [typeof(IClusterMessage)], system => new ObserverMessageSerializer(system))
            .WithRemoting(options.ClusterHost, options.ClusterPort)
            .WithClustering(new ClusterOptions { SeedNodes = options.ClusterSeeds.Count == 0 ? null : [.. options.ClusterSeeds] });

        if (options.ClusterSeeds.Count == 0)
        {
            builder.AddStartup((system, _) =>
            {
                var cluster = Akka.Cluster.Cluster.Get(system);
                cluster.Join(cluster.SelfAddress);
            });
        }

        var shardOptions = new ShardOptions
        {
            StateStoreMode = StateStoreMode.DData,
            RememberEntities = false,
            // Entities passivate themselves: a correlator must not stop while it still has open tasks.
            ShouldPassivateIdleEntities = false,
        };

        var correlatorLogger = loggers.CreateLogger<TaskCorrelationActor>();
        builder.WithShardRegion<TaskCorrelationRegionKey>(
            CorrelatorRegionName,
            (_, registry, _) => agentId => Props.Create(() => new TaskCorrelationActor(
                agentId, taskSettings, registry, metrics, time, correlatorLogger, options.TaskTickInterval, options.EntityPassivateAfter)),
            new AgentIdMessageExtractor(),
            shardOptions);

        var detectorLogger = loggers.CreateLogger<ProviderDetectorActor>();
        builder.WithShardRegion<ProviderDetectorRegionKey>(
            DetectorRegionName,
            (_, registry, _) => agentId => Props.Create(() => new ProviderDetectorActor(
                agentId, detector, registry.Get<TaskCorrelationRegionKey>(), metrics, detectorLogger, options.EntityPassivateAfter)),
            new AgentIdMessageExtractor(),
            shardOptions);

        var sessionSettings = new SessionSettings(options.CustomerId, options.AgentId, options.SessionIdleTimeout);
        var budget = sp.GetRequiredService<HandoffBudget>();
        var sink = sp.GetRequiredService<ActorExchangeSink>();
        var readiness = sp.GetRequiredService<ActorSystemReadiness>();
        var sessionLogger = loggers.CreateLogger<SessionActor>();
        builder.WithActors((system, registry) =>
        {
            var detectors = registry.Get<ProviderDetectorRegionKey>();
            var supervisor = system.ActorOf(
                Props.Create(() => new SessionSupervisorActor(
                    connection => Props.Create(() => new SessionActor(connection, sessionSettings, detectors, budget, sessionLogger)))),
                "sessions");
            registry.Register<SessionSupervisorKey>(supervisor);
            sink.Attach(supervisor);

            var cluster = Akka.Cluster.Cluster.Get(system);
            cluster.RegisterOnMemberUp(readiness.MarkUp);
            cluster.RegisterOnMemberRemoved(readiness.MarkDown);
        });

        return builder;
    }
}
