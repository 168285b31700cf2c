using Akka.Actor;
using Akka.Persistence;
using Akka.Persistence.Query;
using Akka.Persistence.Sql.Query;
using Akka.Streams;
using Observer.Contracts.Signals;

namespace Observer.Actors.Shipping;

/// <summary>
/// The node's persistent shipper (docs/delivery.md). Write side (this file): signals are buffered while a journal
/// write is in flight and written as one group (<c>PersistAllAsync</c>, events of at most <c>BatchSize</c> signals);
/// a signal counts as accepted when its event is in the journal. Delivery, paging and compaction are in the other part.
/// </summary>
internal sealed partial class SignalShipperActor : ReceivePersistentActor, IWithTimers
{
    // Beyond this many bytes waiting for the journal, the journal is not keeping up: refuse rather than grow memory.
    private const long MaxUnpersistedBytes = 64L * 1024 * 1024;
    private const int MaxWritesInFlight = 2;

    private readonly ShipperDependencies _deps;
    private readonly ShipperOptions _options;
    private readonly DeliveryPipeline _pipeline;
    private readonly RetryPolicy _retry;
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<IActorRef> _flushWaiters = [];
    private ShipperState _state = ShipperState.Empty;

    private List<StoredSignal> _buffer = [];
    private long _bufferBytes;
    private List<PendingReply> _bufferReplies = [];
    // Journal writes in flight, oldest first (handlers complete in write order). Two overlap encoding and database I/O.
    private readonly Queue<WriteGroup> _writes = new();
    private long _writingBytes;
    private bool _backlogFull;
    private bool _failed;

    public SignalShipperActor(ShipperDependencies deps)
    {
        _deps = deps;
        _options = deps.Options;
        _pipeline = new DeliveryPipeline(_options.BatchSize, _options.MaxBatchesInFlight, _options.BatchDelay, _options.MaxSignalsInMemory);
        _retry = new RetryPolicy(_options.InitialBackoff, _options.MaxBackoff);
        _readJournal = PersistenceQuery.Get(Context.System).ReadJournalFor<SqlReadJournal>(SqlReadJournal.Identifier);
        _materializer = Context.Materializer();

        Recover<SnapshotOffer>(OnSnapshotOffer);
        Recover<ShipperEvents.SignalsAccepted>(e => _state = _state.Apply(e));
        Recover<ShipperEvents.DeliveryConfirmed>(e => _state = _state.Apply(e));
        Recover<RecoveryCompleted>(_ => OnRecoveryCompleted());

        Command<ShipperMessages.ShipStored>(HandleShip);
        Command<FlushShipper>(_ => HandleFlush());
        CommandDelivery();
    }

    public override string PersistenceId => _options.PersistenceId;

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(ShipperDependencies deps) => Akka.Actor.Props.Create(() => new SignalShipperActor(deps));

    protected override void PostStop()
    {
        _stopping.Cancel();
        _stopping.Dispose();
        base.PostStop();
    }

    protected override void OnPersistFailure(Exception cause, object @event, long sequenceNr)
    {
        if (!_failed)
        {
            _failed = true;
            var lost = _writes.Sum(w => w.Signals) + _buffer.Count;
            ShipperLog.PersistFailed(_deps.Logger, lost, cause);
            _deps.Journal.Health.ReportFailure($"journal write failed: {cause.Message}", onWrite: true);
            _deps.Metrics.SignalsDropped.WithLabels(DropReasons.JournalUnavailable).Inc(lost);
            foreach (var reply in _writes.SelectMany(w => w.Replies).Concat(_bufferReplies))
            {
                reply.Sender.Tell(new ShipperProtocol.Accepted(0, reply.Accepted + reply.Refused));
            }
        }

        base.OnPersistFailure(cause, @event, sequenceNr);
    }

    protected override void OnPersistRejected(Exception cause, object @event, long sequenceNr)
    {
        var signals = (@event as ShipperEvents.SignalsAccepted)?.Signals.Count ?? 0;
        ShipperLog.PersistRejected(_deps.Logger, signals, cause);
        _deps.Metrics.SignalsDropped.WithLabels(DropReasons.JournalRejected).Inc(signals);
        if (@event is ShipperEvents.SignalsAccepted)
        {
            WriteStepDone();
        }
    }

    protected override void OnRecoveryFailure(Exception reason, object? message = null)
    {
        ShipperLog.RecoveryFailed(_deps.Logger, reason);
        _deps.Journal.Health.ReportFailure($"journal recovery failed: {reason.Message}", onWrite: false);
        base.OnRecoveryFailure(reason, message);
    }

    private void OnSnapshotOffer(SnapshotOffer offer)
    {
        if (offer.Snapshot is ShipperEvents.ShipperSnapshot snapshot)
        {
            _state = ShipperState.From(snapshot);
            _compactedUpTo = snapshot.ConfirmedUpTo;
            _lastSnapshotSeq = offer.Metadata.SequenceNr;
        }
    }

    private void HandleShip(ShipperMessages.ShipStored ship)
    {
        int accepted = 0, refusedFull = 0, refusedBehind = 0;
        foreach (var stored in ship.Signals)
        {
            if (_state.WouldExceed(_bufferBytes + _writingBytes + stored.Bytes, _options.MaxBacklogBytes))
            {
                refusedFull++;
            }
            else if (_bufferBytes + stored.Bytes > MaxUnpersistedBytes)
            {
                refusedBehind++;
            }
            else
            {
                _buffer.Add(stored);
                _bufferBytes += stored.Bytes;
                accepted++;
            }
        }

        if (refusedFull > 0)
        {
            _deps.Metrics.SignalsDropped.WithLabels(DropReasons.BacklogFull).Inc(refusedFull);
            MarkBacklogFull();
        }

        if (refusedBehind > 0)
        {
            _deps.Metrics.SignalsDropped.WithLabels(DropReasons.JournalBehind).Inc(refusedBehind);
        }

        if (ship.ReplyTo)
        {
            if (accepted == 0)
            {
                Sender.Tell(new ShipperProtocol.Accepted(0, refusedFull + refusedBehind));
            }
            else
            {
                _bufferReplies.Add(new PendingReply(Sender, accepted, refusedFull + refusedBehind));
            }
        }

        if (_writes.Count < MaxWritesInFlight)
        {
            FlushBuffer();
        }
    }

    private void HandleFlush()
    {
        if (_buffer.Count == 0 && _writes.Count == 0)
        {
            Sender.Tell(Flushed.Instance);
        }
        else
        {
            _flushWaiters.Add(Sender);
        }
    }

    private void FlushBuffer()
    {
        if (_buffer.Count == 0)
        {
            if (_writes.Count == 0)
            {
                _flushWaiters.ForEach(w => w.Tell(Flushed.Instance));
                _flushWaiters.Clear();
            }

            return;
        }

        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var events = _buffer.Chunk(_options.BatchSize).Select(chunk => new ShipperEvents.SignalsAccepted(now, chunk)).ToList();
        _writes.Enqueue(new WriteGroup(events.Count, _buffer.Count, _bufferBytes, _bufferReplies));
        _bufferReplies = [];
        _writingBytes += _bufferBytes;
        _buffer = [];
        _bufferBytes = 0;
        PersistAllAsync(events, OnAccepted);
    }

    private void OnAccepted(ShipperEvents.SignalsAccepted accepted)
    {
        _state = _state.Apply(accepted);
        _deps.Journal.Health.ReportWritable();
        _deps.Metrics.SignalsPersisted.Inc(accepted.Signals.Count);
        OnEventWritten(LastSequenceNr, accepted);
        PublishBacklog();
        WriteStepDone();
        TrySend();
    }

    private void WriteStepDone()
    {
        var group = _writes.Peek();
        if (--group.Remaining > 0)
        {
            return;
        }

        _writes.Dequeue();
        _writingBytes -= group.Bytes;
        foreach (var reply in group.Replies)
        {
            reply.Sender.Tell(new ShipperProtocol.Accepted(reply.Accepted, reply.Refused));
        }

        FlushBuffer();
    }

    private void MarkBacklogFull()
    {
        if (!_backlogFull)
        {
            _backlogFull = true;
            _deps.Status.SetBacklogFull(true);
            ShipperLog.BacklogFull(_deps.Logger, _state.BacklogBytes, _options.MaxBacklogBytes);
        }
    }

    private void PublishBacklog()
    {
        _deps.Metrics.SignalsPending.Set(_state.PendingSignals);
        _deps.Metrics.BacklogBytes.Set(_state.BacklogBytes);
        _deps.Status.SetBacklog(_state.PendingSignals, _state.BacklogBytes);
        if (_backlogFull && _state.BacklogBytes < _options.MaxBacklogBytes * 0.9)
        {
            _backlogFull = false;
            _deps.Status.SetBacklogFull(false);
            ShipperLog.BacklogRelieved(_deps.Logger, _state.BacklogBytes);
        }
    }

    private sealed record PendingReply(IActorRef Sender, int Accepted, int Refused);

    private sealed class WriteGroup(int events, int signals, long bytes, List<PendingReply> replies)
    {
        public int Remaining { get; set; } = events;

        public int Signals { get; } = signals;

        public long Bytes { get; } = bytes;

        public List<PendingReply> Replies { get; } = replies;
    }
}
