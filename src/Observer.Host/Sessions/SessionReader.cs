using Observer.Actors.Persistence;
using Observer.Actors.Recording;
using Observer.Actors.Tasks;
using Observer.Actors.Tasks.Rules;
using Observer.Host.Configuration;
using Observer.Host.Runtime;
using Observer.Providers;
using Observer.Providers.Detection;

namespace Observer.Host.Sessions;

/// <summary>Opens the configured journal for the <c>sessions</c> commands and builds today's detection for replays.</summary>
public sealed class SessionReader
{
    private SessionReader(SessionStore store) => Store = store;

    public SessionStore Store { get; }

    public static SessionReader Create(ObserverSettings settings)
    {
        var journal = ActorComposition.CreateJournalOptions(settings);
        if (!journal.IsPostgres && !File.Exists(journal.SqliteFile))
        {
            throw new FileNotFoundException($"no journal at {journal.SqliteFile} (is --data-dir right?)");
        }

        return new(new SessionStore(new JournalDatabase(journal)));
    }

    public async Task<RecordedSession> LoadAsync(string sessionId, CancellationToken cancellationToken)
    {
        var session = RecordedSession.From(sessionId, await Store.LoadEventsAsync(sessionId, cancellationToken).ConfigureAwait(false));
        return session.IsEmpty ? throw new KeyNotFoundException($"no recorded session '{sessionId}'") : session;
    }

    /// <summary>Replays with the catalog, prices and task rules of the current configuration (<c>--config</c>, <c>--local-hosts</c>).</summary>
    public static IReadOnlyList<SessionReplay.Step> Replay(RecordedSession session, ObserverSettings settings)
    {
        var detector = new ExchangeDetector(ProvidersConfiguration.Load(settings.ConfigFile, settings.LocalHosts));
        var tasks = new TaskCorrelationSettings
        {
            IdleGap = settings.TaskIdleGap,
            MaxDuration = settings.TaskMaxDuration,
            Rules = TaskRulesLoader.Load(settings.ConfigFile),
        };
        return SessionReplay.Run(session, detector, tasks);
    }
}
