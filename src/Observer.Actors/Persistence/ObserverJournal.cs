using Akka.Actor;

namespace Observer.Actors.Persistence;

/// <summary>
/// Per-ActorSystem handle on the journal that <see cref="JournalHostingExtensions.AddObserverJournal"/> configured:
/// the shipper reads its database, dead-letter store and health from here.
/// </summary>
public sealed class ObserverJournal : IExtension
{
    private JournalDatabase? _database;
    private DeadLetterStore? _deadLetters;
    private JournalHealth? _health;

    public static ObserverJournal For(ActorSystem system) => system.WithExtension<ObserverJournal, ObserverJournalProvider>();

    public bool IsConfigured => _database is not null;

    public JournalDatabase Database => _database ?? throw NotConfigured();

    public DeadLetterStore DeadLetters => _deadLetters ?? throw NotConfigured();

    public JournalHealth Health => _health ?? throw NotConfigured();

    internal void Configure(JournalDatabase database, JournalHealth health)
    {
        _database = database;
        _deadLetters = new DeadLetterStore(database);
        _health = health;
    }

    private static InvalidOperationException NotConfigured() =>
        new("the journal is not configured: call AddObserverJournal(...) before AddSignalShipper(...)");
}

/// <summary>Akka extension id of <see cref="ObserverJournal"/>.</summary>
public sealed class ObserverJournalProvider : ExtensionIdProvider<ObserverJournal>
{
    public override ObserverJournal CreateExtension(ExtendedActorSystem system) => new();
}
