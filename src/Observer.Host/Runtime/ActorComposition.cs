using Akka.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Observer.Actors.Hosting;
using Observer.Actors.Persistence;
using Observer.Actors.Recording;
using Observer.Actors.Shipping;
using Observer.Host.Configuration;
using Observer.Host.Logging;
using Observer.Contracts.Metrics;

namespace Observer.Host.Runtime;

/// <summary>Maps observer settings onto the actor side (cluster, detection, tasks), the journal and the shipper.</summary>
public static class ActorComposition
{
    public static void Add(IServiceCollection services, ObserverSettings settings)
    {
        var actors = CreateActorsOptions(settings);
        services.AddObserverActorServices(actors);
        services.AddObserverShipping();
        services.AddAkka(ObserverActorsOptions.ActorSystemName, (akka, sp) =>
        {
            akka.ConfigureLoggers(loggers =>
            {
                loggers.LogLevel = ToAkkaLogLevel(settings.LogLevel);
                loggers.ClearLoggers();
                loggers.AddLoggerFactory();
            });
            // SIGTERM must stop the host in its order (proxy drains first, then the actors flush into the journal);
            // Akka's own process-exit hook would otherwise shut the actor system down at the same moment, and the
            // last in-flight exchanges' signals would have nowhere to go.
            akka.AddHocon("akka.coordinated-shutdown.run-by-clr-shutdown-hook = off", HoconAddMode.Prepend);
            akka.AddObserverActors(actors, sp);
            akka.AddObserverJournal(CreateJournalOptions(settings));
            akka.AddSignalShipper(CreateShipperOptions(settings));
            akka.AddSessionRecording(CreateRecordingOptions(settings), CreateJournalOptions(settings), sp.GetRequiredService<ObserverMetrics>(), sp.GetService<ILoggerFactory>());
        });
    }

    public static ObserverActorsOptions CreateActorsOptions(ObserverSettings settings)
    {
        var options = new ObserverActorsOptions
        {
            CustomerId = settings.CustomerId,
            AgentId = settings.AgentId,
            ClusterHost = settings.ClusterHost,
            ClusterPort = settings.ClusterPort,
            TaskIdleGap = settings.TaskIdleGap,
            TaskMaxDuration = settings.TaskMaxDuration,
            ConfigFilePath = settings.ConfigFile,
        };
        options.ClusterSeeds.AddRange(settings.ClusterSeeds);
        return options;
    }

    public static JournalOptions CreateJournalOptions(ObserverSettings settings) => new()
    {
        Kind = settings.Journal,
        DataDir = settings.DataDir,
        ConnectionString = settings.JournalConnection,
    };

    public static RecordingOptions CreateRecordingOptions(ObserverSettings settings) => new()
    {
        RecordBodies = settings.RecordBodies,
        Retention = settings.RecordingRetention,
        MaxSizeBytes = settings.RecordingMaxSizeBytes,
        // Enforced continuously: a short retention (tests, debugging) is checked at a quarter of its length.
        RetentionInterval = TimeSpan.FromTicks(Math.Clamp(settings.RecordingRetention.Ticks / 4, TimeSpan.TicksPerSecond, TimeSpan.TicksPerMinute)),
    };

    public static ShipperOptions CreateShipperOptions(ObserverSettings settings) => new()
    {
        BackendUrl = settings.BackendUrl,
        BackendToken = settings.BackendToken,
        SigningKey = settings.BackendSigningKey,
        CustomerId = settings.CustomerId,
        AgentId = settings.AgentId,
        BatchSize = settings.BatchSize,
        BatchDelay = settings.BatchDelay,
        MaxBackoff = settings.MaxBackoff,
        MaxBacklogBytes = settings.MaxBacklogBytes,
        ShipperId = settings.NodeId ?? "default",
    };

    private static Akka.Event.LogLevel ToAkkaLogLevel(LogLevelSetting level) => LoggingSetup.ToLogLevel(level) switch
    {
        LogLevel.Debug => Akka.Event.LogLevel.DebugLevel,
        LogLevel.Information => Akka.Event.LogLevel.InfoLevel,
        LogLevel.Warning => Akka.Event.LogLevel.WarningLevel,
        _ => Akka.Event.LogLevel.ErrorLevel,
    };
}
