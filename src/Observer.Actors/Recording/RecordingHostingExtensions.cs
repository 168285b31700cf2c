using Akka.Actor;
using Akka.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Observer.Actors.Persistence;
using Observer.Contracts.Metrics;

namespace Observer.Actors.Recording;

/// <summary>Akka.Hosting set-up of session recording (docs/sessions.md).</summary>
public static class RecordingHostingExtensions
{
    /// <summary>
    /// Registers the recording serializer and starts the node's recording supervisor (under
    /// <see cref="RecordingSupervisorKey"/>, where session actors find it) and the retention timer. Needs the journal
    /// (<see cref="JournalHostingExtensions.AddObserverJournal"/>) on the same database.
    /// </summary>
    public static AkkaConfigurationBuilder AddSessionRecording(
        this AkkaConfigurationBuilder builder, RecordingOptions options, JournalOptions journal, ObserverMetrics metrics,
        ILoggerFactory? loggers = null, TimeProvider? time = null)
    {
        options.Validate();
        var logger = (loggers ?? NullLoggerFactory.Instance).CreateLogger("Observer.Recording");
        var store = new SessionStore(new JournalDatabase(journal));
        var deps = new RecordingDependencies(options, store, metrics, logger);
        builder.WithCustomSerializer(RecordingSerializer.Name, RecordingJson.EventTypes, system => new RecordingSerializer(system));
        builder.WithActors((system, registry) =>
        {
            var supervisor = system.ActorOf(Props.Create(() => new RecordingSupervisorActor(deps)), "session-recordings");
            registry.Register<RecordingSupervisorKey>(supervisor);
            var retention = new RecordingRetention(store, options);
            system.ActorOf(Props.Create(() => new RecordingRetentionActor(retention, deps, time ?? TimeProvider.System)), "recording-retention");
        });
        return builder;
    }
}
