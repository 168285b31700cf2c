namespace Observer.Actors.Shipping;

/// <summary>Label values of <c>axom_signals_dropped_total{reason}</c> the shipper uses.</summary>
public static class DropReasons
{
    /// <summary>The backlog reached <c>MaxBacklogBytes</c>.</summary>
    public const string BacklogFull = "signals_dropped_backlog_full";

    /// <summary>The journal could not be written (or the shipper was restarting after such a failure).</summary>
    public const string JournalUnavailable = "signals_dropped_journal_unavailable";

    /// <summary>The journal rejected an event (serialization).</summary>
    public const string JournalRejected = "signals_dropped_journal_rejected";

    /// <summary>More than 64 MiB waited for one journal write: the journal is far slower than producers.</summary>
    public const string JournalBehind = "signals_dropped_journal_behind";
}
