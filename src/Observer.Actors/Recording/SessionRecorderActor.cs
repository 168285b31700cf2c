using Akka.Actor;
using Akka.Persistence;
using Microsoft.Extensions.Logging;
using Observer.Contracts.Metrics;

namespace Observer.Actors.Recording;

/// <summary>
/// Persists one session's recording events under <c>session-{id}</c>. Events arriving while a write is in flight are
/// buffered and written together (<c>PersistAllAsync</c>); memory held for unwritten events is bounded by the node's
/// <see cref="RecordingBacklog"/> and this recorder's event bound, past which events are dropped and counted.
/// After each write the session's index row is moved forward to the last written sequence number (one update in
/// flight at a time).
/// </summary>
public sealed class SessionRecorderActor : ReceivePersistentActor
{
    private readonly string _sessionId;
    private readonly RecordingDependencies _deps;
    private List<(RecordingEvents.IRecordingEvent Event, long Bytes)> _buffer = [];
    private int _inFlight;
    private bool _stopping;
    private bool _indexWriting;
    private bool _indexDirty;
    private SessionSummary _summary;
    private List<(RecordingEvents.IRecordingEvent Event, long Bytes, long SequenceNr)>? _sinceRecovery; // non-null while a resumed summary loads
    private bool _summaryUnknown; // a resumed session's earlier events could not be read: the index repair rebuilds its row

    public SessionRecorderActor(string sessionId, RecordingDependencies deps)
    {
        _sessionId = sessionId;
        _deps = deps;
        _summary = SessionSummary.Start(sessionId);

        Recover<RecoveryCompleted>(_ => OnRecovered());
        Command<SummaryLoaded>(OnSummaryLoaded);
        Command<RecordingEvents.IRecordingEvent>(OnEvent);
        Command<IndexWritten>(_ => OnIndexWritten());
        Command<ReceiveTimeout>(_ => Context.Parent.Tell(new RecordingSupervisorActor.Idle(_sessionId)));
        Command<StopRecorder>(_ =>
        {
            _stopping = true;
            StopWhenDone();
        });
    }

    public override string PersistenceId => SessionStore.PersistenceId(_sessionId);

    /// <summary>
    /// No replay: a new session (the usual case) costs one highest-sequence query instead of snapshot and event
    /// queries, which matters with thousands of short connections. A resumed session reloads its summary instead.
    /// </summary>
    public override Recovery Recovery => Recovery.None;

    /// <summary>Stop once buffered events are written (sent by the supervisor when the recorder went idle).</summary>
    public sealed class StopRecorder
    {
        public static readonly StopRecorder Instance = new();

        private StopRecorder()
        {
        }
    }

    private sealed record IndexWritten;

    private sealed record SummaryLoaded(SessionSummary? Summary, Exception? Error);

    protected override void PreStart()
    {
        Context.SetReceiveTimeout(_deps.Options.RecorderIdleTimeout);
        base.PreStart();
    }

    protected override void PostStop()
    {
        // Memory reserved for events never written (a failed journal) goes back to the node.
        _deps.Backlog.Release(_buffer.Sum(b => b.Bytes));
        _buffer.Clear();
        base.PostStop();
    }

    protected override void OnPersistFailure(Exception cause, object @event, long sequenceNr)
    {
        _deps.Metrics.RecordingDropped.WithLabels("journal_failed").Inc(_inFlight + _buffer.Count);
        RecordingLog.PersistFailed(_deps.Logger, _sessionId, cause);
        base.OnPersistFailure(cause, @event, sequenceNr);
    }

    protected override void OnPersistRejected(Exception cause, object @event, long sequenceNr)
    {
        _deps.Metrics.RecordingDropped.WithLabels("journal_rejected").Inc();
        RecordingLog.PersistFailed(_deps.Logger, _sessionId, cause);
        base.OnPersistRejected(cause, @event, sequenceNr);
    }

    private void OnEvent(RecordingEvents.IRecordingEvent evt)
    {
        var bytes = EventSize.Estimate(evt);
        if (_inFlight + _buffer.Count >= _deps.Options.MaxUnpersistedEvents || !_deps.Backlog.TryReserve(bytes))
        {
            _deps.Drop();
            return;
        }

        _buffer.Add((evt, bytes));
        if (_inFlight == 0)
        {
            WriteBuffer();
        }
    }

    private void WriteBuffer()
    {
        var batch = _buffer;
        _buffer = [];
        _inFlight = batch.Count;
        var sizes = batch.ToDictionary(b => (object)b.Event, b => b.Bytes, ReferenceEqualityComparer.Instance);
        PersistAllAsync(batch.Select(b => b.Event), evt =>
        {
            var bytes = sizes[evt];
            _deps.Backlog.Release(bytes);
            _deps.Metrics.RecordingPersisted.Inc();
            // The handler runs once the journal confirmed this event: LastSequenceNr is its sequence number.
            _summary = _summary.Apply(evt, bytes, LastSequenceNr);
            _sinceRecovery?.Add((evt, bytes, LastSequenceNr));
            if (--_inFlight > 0)
            {
                return;
            }

            WriteIndex();
            if (_buffer.Count > 0)
            {
                WriteBuffer();
            }
            else
            {
                StopWhenDone();
            }
        });
    }

    private void OnRecovered()
    {
        if (LastSequenceNr == 0)
        {
            return;
        }

        // A resumed session: its earlier events define the index row; rebuild it off the actor.
        _sinceRecovery = [];
        var store = _deps.Store;
        var sessionId = _sessionId;
        var upTo = LastSequenceNr;
        store.SummarizeAsync(sessionId, CancellationToken.None, upTo).ContinueWith(
            t => t.IsFaulted ? new SummaryLoaded(null, t.Exception.GetBaseException()) : new SummaryLoaded(t.Result, null),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default).PipeTo(Self);
    }

    private void OnSummaryLoaded(SummaryLoaded loaded)
    {
        var since = _sinceRecovery ?? [];
        _sinceRecovery = null;
        if (loaded.Summary is { } summary)
        {
            _summary = since.Aggregate(summary, (s, e) => s.Apply(e.Event, e.Bytes, e.SequenceNr));
        }
        else
        {
            // A row from the later events alone would claim the highest sequence number with wrong counts, and the
            // repair would then take it as up to date: leave the row to the repair, which reads the whole journal.
            _summaryUnknown = true;
            RecordingLog.IndexFailed(_deps.Logger, _sessionId, loaded.Error!);
        }

        if (_indexDirty)
        {
            WriteIndex();
        }

        StopWhenDone();
    }

    private void WriteIndex()
    {
        if (_summaryUnknown)
        {
            _indexDirty = false;
            return;
        }

        if (_sinceRecovery is not null)
        {
            // The earlier part of the summary is still loading: write once it is known.
            _indexDirty = true;
            return;
        }

        if (_indexWriting)
        {
            _indexDirty = true;
            return;
        }

        _indexWriting = true;
        _indexDirty = false;
        var summary = _summary;
        var logger = _deps.Logger;
        var sessionId = _sessionId;
        _deps.Store.WriteForwardAsync(summary, CancellationToken.None).ContinueWith(
            t =>
            {
                if (t.Exception is { } ex)
                {
                    RecordingLog.IndexFailed(logger, sessionId, ex.GetBaseException());
                }

                return new IndexWritten();
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default).PipeTo(Self);
    }

    private void OnIndexWritten()
    {
        _indexWriting = false;
        if (_indexDirty)
        {
            WriteIndex();
        }
        else
        {
            StopWhenDone();
        }
    }

    private void StopWhenDone()
    {
        if (_stopping && _inFlight == 0 && _buffer.Count == 0 && !_indexWriting && _sinceRecovery is null)
        {
            Context.Stop(Self);
        }
    }
}
