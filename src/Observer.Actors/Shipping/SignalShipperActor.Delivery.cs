using Akka.Actor;
using Akka.Persistence;
using Akka.Persistence.Query;
using Akka.Persistence.Sql.Query;
using Akka.Streams;
using Akka.Streams.Dsl;
using Observer.Actors.Persistence;

namespace Observer.Actors.Shipping;

/// <summary>
/// Delivery side of the shipper: a bounded window of unconfirmed events (fresh ones straight from the write path,
/// older ones paged back from the journal in bounded pages), batches POSTed with a few in flight, the confirmation
/// watermark persisted as <see cref="ShipperEvents.DeliveryConfirmed"/>, and compaction (snapshot, then delete).
/// </summary>
internal sealed partial class SignalShipperActor
{
    private const long TargetPageBytes = 4L * 1024 * 1024;
    private const int MaxPageEvents = 1000;
    private static readonly TimeSpan CompactionTick = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan PageRetryDelay = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan DeadLetterRetryDelay = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan ReclaimInterval = TimeSpan.FromSeconds(5);

    private readonly SqlReadJournal _readJournal;
    private readonly IMaterializer _materializer;

    // Highest sequence number whose event has been looked at for delivery (queued, or skipped as a confirmation).
    private long _loadedUpTo;
    private long _highestWritten;
    private bool _paging;
    private long _pageRetryAtMs;
    private long _compactedUpTo;
    private long _compactingUpTo = -1;
    private long _lastSnapshotSeq;
    private long _lastCompactionMs;
    private long _lastReclaimMs;
    private bool _reclaimDue;

    private static long NowMs => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    private void CommandDelivery()
    {
        Command<ShipperMessages.SendTick>(_ => TrySend());
        Command<ShipperMessages.BatchOutcome>(HandleOutcome);
        Command<ShipperMessages.RetryBatch>(r => Dispatch(r.Batch));
        Command<ShipperMessages.DeadLettersStored>(HandleDeadLettersStored);
        Command<ShipperMessages.DeadLettersFailed>(HandleDeadLettersFailed);
        Command<ShipperMessages.PageLoaded>(HandlePageLoaded);
        Command<ShipperMessages.PageFailed>(HandlePageFailed);
        Command<CompactTick>(_ =>
        {
            MaybeCompact();
            MaybeReclaim();
        });
        Command<SaveSnapshotSuccess>(HandleSnapshotSaved);
        Command<SaveSnapshotFailure>(f => CompactionFailed(f.Cause));
        Command<DeleteMessagesSuccess>(HandleMessagesDeleted);
        Command<DeleteMessagesFailure>(f => CompactionFailed(f.Cause));
        Command<DeleteSnapshotsSuccess>(_ => { });
        Command<DeleteSnapshotsFailure>(f => ShipperLog.CompactionFailed(_deps.Logger, f.Cause));
        Command<ShipperMessages.SpaceReclaimed>(r =>
        {
            if (r.Cause is not null)
            {
                ShipperLog.CompactionFailed(_deps.Logger, r.Cause);
            }
        });
    }

    private void OnRecoveryCompleted()
    {
        _loadedUpTo = _state.ConfirmedUpTo;
        _highestWritten = LastSequenceNr;
        _lastCompactionMs = NowMs;

        // The database answered (a failed write stays reported until a write succeeds).
        _deps.Journal.Health.ReportReadable();
        PublishBacklog();
        ShipperLog.Recovered(_deps.Logger, PersistenceId, _state.PendingSignals, _state.BacklogBytes, _state.ConfirmedUpTo);
        Context.Parent.Tell(new ShipperMessages.Recovered());
        Timers.StartPeriodicTimer("compact", CompactTick.Instance, CompactionTick);
        TrySend();
    }

    /// <summary>Called for every event written, in sequence order: fresh signals go straight to the window when it is caught up.</summary>
    private void OnEventWritten(long sequenceNr, ShipperEvents.SignalsAccepted? accepted)
    {
        _highestWritten = sequenceNr;
        if (_paging || _loadedUpTo != sequenceNr - 1)
        {
            return;
        }

        if (accepted is null)
        {
            _loadedUpTo = sequenceNr;
        }
        else if (_pipeline.HasRoom)
        {
            _pipeline.Enqueue(PendingEvent.From(sequenceNr, accepted));
            _loadedUpTo = sequenceNr;
        }
    }

    private void TrySend()
    {
        var now = NowMs;
        TimeSpan? wait;
        while (_pipeline.TakeBatch(now, _loadedUpTo < _highestWritten, out wait) is { } batch)
        {
            Dispatch(batch);
        }

        if (wait is { } delay)
        {
            Timers.StartSingleTimer("send", ShipperMessages.SendTick.Instance, delay);
        }

        MaybePage(now);
        _deps.Status.SetSignalsInMemory(_pipeline.SignalsInMemory);
    }

    private void Dispatch(OutgoingBatch batch)
    {
        batch.Attempts++;
        var self = Self;
        _deps.Sender.SendAsync(batch.BatchId, batch.Body, _stopping.Token).PipeTo(
            self,
            success: result => new ShipperMessages.BatchOutcome(batch, result),
            failure: ex => new ShipperMessages.BatchOutcome(batch, new DeliveryResult(DeliveryOutcome.Retry, 0, null, ex.Message)));
    }

    private void HandleOutcome(ShipperMessages.BatchOutcome outcome)
    {
        var batch = outcome.Batch;
        var result = outcome.Result;
        switch (result.Outcome)
        {
            case DeliveryOutcome.Delivered:
                var now = NowMs;
                _deps.Metrics.SignalsDelivered.Inc(batch.SignalCount);
                foreach (var pending in batch.Events)
                {
                    _deps.Metrics.DeliveryLatency.Observe(Math.Max(0, now - pending.AcceptedAtUnixMs) / 1000.0, pending.Signals.Count);
                }

                if (_deps.Status.LastDeliveryError is not null && batch.Attempts > 1)
                {
                    ShipperLog.DeliveryRecovered(_deps.Logger, batch.Attempts, batch.BatchId);
                }

                _deps.Status.ReportDelivered();
                Settle(batch);
                break;
            case DeliveryOutcome.Retry:
                _deps.Metrics.DeliveryRetries.Inc();
                _deps.Status.ReportDeliveryError(result.Detail);
                var delay = _retry.NextDelay(batch.Attempts, result.RetryAfter, Random.Shared.NextDouble());
                ShipperLog.Retrying(_deps.Logger, batch.BatchId, batch.SignalCount, result.Detail, batch.Attempts, (long)delay.TotalMilliseconds);
                Timers.StartSingleTimer("retry-" + batch.BatchId, new ShipperMessages.RetryBatch(batch), delay);
                break;
            default:
                StoreDeadLetters(batch, result);
                break;
        }
    }

    private void StoreDeadLetters(OutgoingBatch batch, DeliveryResult result)
    {
        var at = DateTimeOffset.UtcNow;
        var letters = batch.Signals
            .Select(s => new DeadLetter(s.Id, batch.BatchId, result.Status, result.Detail, at, System.Text.Encoding.UTF8.GetString(s.Json.Span)))
            .ToList();
        _deps.Journal.DeadLetters.AddAsync(letters, _stopping.Token).PipeTo(
            Self,
            success: () => new ShipperMessages.DeadLettersStored(batch),
            failure: ex => new ShipperMessages.DeadLettersFailed(batch, ex));
        _deadLetterResults[batch.BatchId] = result;
    }

    private readonly Dictionary<string, DeliveryResult> _deadLetterResults = [];

    private void HandleDeadLettersStored(ShipperMessages.DeadLettersStored stored)
    {
        var status = _deadLetterResults.Remove(stored.Batch.BatchId, out var result) ? result.Status : 0;
        _deps.Metrics.SignalsDeadLettered.Inc(stored.Batch.SignalCount);
        ShipperLog.DeadLettered(_deps.Logger, stored.Batch.BatchId, status, stored.Batch.SignalCount);
        Settle(stored.Batch);
    }

    private void HandleDeadLettersFailed(ShipperMessages.DeadLettersFailed failed)
    {
        ShipperLog.DeadLetterWriteFailed(_deps.Logger, failed.Batch.BatchId, failed.Cause);
        if (_deadLetterResults.Remove(failed.Batch.BatchId, out var result))
        {
            Timers.StartSingleTimer("dead-letter-" + failed.Batch.BatchId, new ShipperMessages.BatchOutcome(failed.Batch, result), DeadLetterRetryDelay);
        }
    }

    private void Settle(OutgoingBatch batch)
    {
        if (_pipeline.Settle(batch) is { } settlement)
        {
            PersistAsync(new ShipperEvents.DeliveryConfirmed(settlement.UpToSequenceNr, settlement.Signals, settlement.Bytes), OnConfirmed);
        }

        TrySend();
    }

    private void OnConfirmed(ShipperEvents.DeliveryConfirmed confirmed)
    {
        _state = _state.Apply(confirmed);
        OnEventWritten(LastSequenceNr, null);
        PublishBacklog();
        MaybeCompact();
    }

    private void MaybePage(long now)
    {
        if (_paging || _loadedUpTo >= _highestWritten || _pipeline.QueuedSignals >= _pipeline.Capacity / 2 || now < _pageRetryAtMs)
        {
            return;
        }

        _paging = true;
        var from = _loadedUpTo + 1;
        var unconfirmedEvents = Math.Max(1, _highestWritten - _state.ConfirmedUpTo);
        var averageBytes = Math.Max(1, _state.BacklogBytes / unconfirmedEvents);
        var count = Math.Clamp(TargetPageBytes / averageBytes, 1, MaxPageEvents);
        var to = Math.Min(_highestWritten, from + count - 1);
        _readJournal.CurrentEventsByPersistenceId(PersistenceId, from, to)
            .RunWith(Sink.Seq<EventEnvelope>(), _materializer)
            .PipeTo(
                Self,
                success: envelopes => new ShipperMessages.PageLoaded(
                    envelopes.Where(e => e.Event is ShipperEvents.SignalsAccepted)
                        .Select(e => PendingEvent.From(e.SequenceNr, (ShipperEvents.SignalsAccepted)e.Event))
                        .ToList(),
                    to),
                failure: ex => new ShipperMessages.PageFailed(ex));
    }

    private void HandlePageLoaded(ShipperMessages.PageLoaded page)
    {
        _paging = false;
        var scannedUpTo = page.ScannedUpTo;
        foreach (var pending in page.Events)
        {
            if (!_pipeline.HasRoom)
            {
                // The window is full: the rest of the page is read again later, memory stays bounded.
                scannedUpTo = pending.SequenceNr - 1;
                break;
            }

            if (pending.SequenceNr > _loadedUpTo && pending.SequenceNr > _state.ConfirmedUpTo)
            {
                _pipeline.Enqueue(pending);
            }
        }

        _loadedUpTo = Math.Max(_loadedUpTo, scannedUpTo);
        _deps.Status.SetSignalsInMemory(_pipeline.SignalsInMemory);
        TrySend();
    }

    private void HandlePageFailed(ShipperMessages.PageFailed failed)
    {
        _paging = false;
        _pageRetryAtMs = NowMs + (long)PageRetryDelay.TotalMilliseconds;
        ShipperLog.PageFailed(_deps.Logger, failed.Cause);
        Timers.StartSingleTimer("page-retry", ShipperMessages.SendTick.Instance, PageRetryDelay);
    }

    private void MaybeCompact()
    {
        if (_compactingUpTo >= 0)
        {
            return;
        }

        var now = NowMs;
        var confirmedDelta = _state.ConfirmedUpTo - _compactedUpTo;
        var idle = _state.PendingSignals == 0 && now - _lastCompactionMs >= 1000;
        var due = confirmedDelta >= _options.CompactEveryEvents || (confirmedDelta > 0 && (idle || now - _lastCompactionMs >= CompactionTick.TotalMilliseconds * 5));
        var snapshotOnly = _highestWritten - _lastSnapshotSeq >= _options.CompactEveryEvents * 5;
        if (!due && !snapshotOnly)
        {
            return;
        }

        _compactingUpTo = _state.ConfirmedUpTo;
        _lastCompactionMs = now;
        SaveSnapshot(_state.ToSnapshot());
    }

    private void HandleSnapshotSaved(SaveSnapshotSuccess saved)
    {
        _lastSnapshotSeq = saved.Metadata.SequenceNr;
        DeleteSnapshots(new SnapshotSelectionCriteria(saved.Metadata.SequenceNr - 1));
        if (_compactingUpTo > _compactedUpTo)
        {
            DeleteMessages(_compactingUpTo);
        }
        else
        {
            _compactingUpTo = -1;
        }
    }

    private void HandleMessagesDeleted(DeleteMessagesSuccess deleted)
    {
        _compactedUpTo = Math.Max(_compactedUpTo, deleted.ToSequenceNr);
        _compactingUpTo = -1;
        _reclaimDue = true;
        MaybeReclaim();
    }

    // SQLite only gives freed pages back when asked; at most every few seconds, after something was deleted.
    private void MaybeReclaim()
    {
        var now = NowMs;
        if (!_reclaimDue || now - _lastReclaimMs < ReclaimInterval.TotalMilliseconds)
        {
            return;
        }

        // Busy: reclaim pages now, and come back to truncate the WAL once idle.
        _reclaimDue = _state.PendingSignals != 0;
        _lastReclaimMs = now;
        _deps.Journal.Database.ReclaimSpaceAsync(_state.PendingSignals == 0, _stopping.Token).PipeTo(
            Self, success: () => new ShipperMessages.SpaceReclaimed(null), failure: ex => new ShipperMessages.SpaceReclaimed(ex));
    }

    private void CompactionFailed(Exception cause)
    {
        _compactingUpTo = -1;
        ShipperLog.CompactionFailed(_deps.Logger, cause);
    }

    private sealed class CompactTick
    {
        public static readonly CompactTick Instance = new();
    }
}
