using Microsoft.Extensions.Logging;
using Observer.Contracts.Metrics;

namespace Observer.Actors.Recording;

/// <summary>What a node's recorders share: options, the store, the memory bound, metrics and the logger.</summary>
public sealed class RecordingDependencies
{
    private static readonly TimeSpan WarningInterval = TimeSpan.FromSeconds(10);
    private long _lastWarningTicks = long.MinValue;

    public RecordingDependencies(RecordingOptions options, SessionStore store, ObserverMetrics metrics, ILogger logger, long maxBacklogBytes = 64L * 1024 * 1024)
    {
        Options = options;
        Store = store;
        Metrics = metrics;
        Logger = logger;
        Backlog = new RecordingBacklog(maxBacklogBytes);
    }

    public RecordingOptions Options { get; }
    public SessionStore Store { get; }
    public ObserverMetrics Metrics { get; }
    public ILogger Logger { get; }
    public RecordingBacklog Backlog { get; }

    /// <summary>Counts an event the journal could not take in time; warns at most once per interval.</summary>
    public void Drop()
    {
        var counter = Metrics.RecordingDropped.WithLabels("journal_behind");
        counter.Inc();
        var now = Environment.TickCount64;
        var last = Interlocked.Read(ref _lastWarningTicks);
        if ((last == long.MinValue || now - last >= (long)WarningInterval.TotalMilliseconds)
            && Interlocked.CompareExchange(ref _lastWarningTicks, now, last) == last)
        {
            RecordingLog.Dropped(Logger, counter.Value);
        }
    }
}
