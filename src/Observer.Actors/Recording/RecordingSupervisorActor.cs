using Akka.Actor;
using Akka.Event;
using Observer.Actors.Tasks;
using Observer.Contracts.Exchanges;

namespace Observer.Actors.Recording;

/// <summary>
/// The node's parent of session recorders: turns what sessions hand over into recording events (redacting credential
/// headers again and dropping bodies when they are not recorded) and routes them to one recorder per session. A
/// recorder told to stop (idle) finishes its writes first; events for its session that arrive meanwhile wait here and
/// go to the next recorder once it has terminated, so two recorders of one session (two writers of one persistence id,
/// racing for sequence numbers and for the index row) never run at once.
/// </summary>
public sealed class RecordingSupervisorActor : ReceiveActor
{
    private readonly RecordingDependencies _deps;
    private readonly Dictionary<string, IActorRef> _recorders = [];
    private readonly Dictionary<string, Stopping> _stopping = [];
    private long _generation;

    public RecordingSupervisorActor(RecordingDependencies deps)
    {
        _deps = deps;
        Receive<RecordingCommands.IRecordingCommand>(command => Route(command.SessionId, ToEvent(command)));
        Receive<TaskCorrelationReplies.CallCorrelated>(Assigned);

        // A session that stopped before the correlator answered: its report arrives as a suppressed dead letter.
        Receive<SuppressedDeadLetter>(dead =>
        {
            if (dead.Message is TaskCorrelationReplies.CallCorrelated correlated)
            {
                Assigned(correlated);
            }
        });
        Receive<Idle>(idle =>
        {
            if (_recorders.TryGetValue(idle.SessionId, out var recorder) && recorder.Equals(Sender))
            {
                _recorders.Remove(idle.SessionId);
                _stopping[idle.SessionId] = new Stopping(recorder, []);
                recorder.Tell(SessionRecorderActor.StopRecorder.Instance);
            }
        });
        Receive<CountRecorders>(_ => Sender.Tell(_recorders.Count + _stopping.Count));
        Receive<RecorderTerminated>(OnRecorderTerminated);
    }

    protected override void PreStart() => Context.System.EventStream.Subscribe(Self, typeof(SuppressedDeadLetter));

    protected override void PostStop() => Context.System.EventStream.Unsubscribe(Self);

    /// <summary>Asks how many recorders are alive; answered with an <see cref="int"/>.</summary>
    public sealed record CountRecorders;

    /// <summary>A recorder saw nothing for its idle timeout.</summary>
    public sealed record Idle(string SessionId);

    /// <summary>A recorder told to stop, and the events for its session that arrived since.</summary>
    private sealed record Stopping(IActorRef Recorder, List<RecordingEvents.IRecordingEvent> Pending);

    /// <summary>What <c>WatchWith</c> delivers when a recorder has stopped (idle, or a failed journal write).</summary>
    private sealed record RecorderTerminated(string SessionId, IActorRef Recorder);

    /// <summary>Recorders are cheap to recreate (they recover), and a failed journal write must not stop the others.</summary>
    protected override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(_ => Directive.Stop);

    private void Assigned(TaskCorrelationReplies.CallCorrelated correlated) =>
        Route(correlated.SessionId, new RecordingEvents.TaskAssigned(correlated.SessionId, correlated.CallId, correlated.TaskId));

    private void Route(string sessionId, RecordingEvents.IRecordingEvent evt)
    {
        if (_recorders.TryGetValue(sessionId, out var recorder))
        {
            recorder.Tell(evt);
        }
        else if (_stopping.TryGetValue(sessionId, out var stopping))
        {
            // Held only until the stopping recorder's last write is done; bounded like a recorder's own buffer.
            if (stopping.Pending.Count >= _deps.Options.MaxUnpersistedEvents)
            {
                _deps.Drop();
            }
            else
            {
                stopping.Pending.Add(evt);
            }
        }
        else
        {
            StartRecorder(sessionId).Tell(evt);
        }
    }

    private void OnRecorderTerminated(RecorderTerminated terminated)
    {
        if (_stopping.TryGetValue(terminated.SessionId, out var stopping) && stopping.Recorder.Equals(terminated.Recorder))
        {
            _stopping.Remove(terminated.SessionId);
            if (stopping.Pending.Count > 0)
            {
                // Started only now, the next recorder recovers after the last write of the old one and continues its sequence.
                var next = StartRecorder(terminated.SessionId);
                stopping.Pending.ForEach(evt => next.Tell(evt));
            }
        }
        else if (_recorders.TryGetValue(terminated.SessionId, out var recorder) && recorder.Equals(terminated.Recorder))
        {
            _recorders.Remove(terminated.SessionId);
        }
    }

    private RecordingEvents.IRecordingEvent ToEvent(RecordingCommands.IRecordingCommand command) => command switch
    {
        RecordingCommands.Opened o => new RecordingEvents.SessionOpened(o.SessionId, o.Info.ClientIp, o.Info.ClientPort, o.Info.ListenerPort, o.Info.OpenedAt),
        RecordingCommands.Exchange x => new RecordingEvents.ExchangeRecorded(
            x.SessionId, x.AgentId, x.CustomerId, _deps.Options.RecordBodies, Prepare(x.Record, _deps.Options.RecordBodies)),
        RecordingCommands.Call c => new RecordingEvents.CallProduced(c.SessionId, RecordedCall.From(c.Signal)),
        RecordingCommands.Closed c => new RecordingEvents.SessionClosed(c.SessionId, c.ClosedAt),
        _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name),
    };

    /// <summary>The proxy already redacts; this second pass guarantees no default credential header reaches the journal.</summary>
    internal static ExchangeRecord Prepare(ExchangeRecord record, bool keepBodies)
    {
        var prepared = record with
        {
            RequestHeaders = Redact(record.RequestHeaders),
            ResponseHeaders = Redact(record.ResponseHeaders),
            Query = CredentialRedactor.Default.RedactQuery(record.Query),
        };
        return keepBodies
            ? prepared
            : prepared with { RequestBody = default, ResponseBody = default, SseEvents = [] };
    }

    private static HeaderList Redact(HeaderList headers)
    {
        if (!headers.Fields.Any(f => CredentialRedactor.Default.IsCredentialHeader(f.Key) && f.Value != CredentialRedactor.Redacted))
        {
            return headers;
        }

        return new HeaderList([.. headers.Fields.Select(f => new KeyValuePair<string, string>(f.Key, CredentialRedactor.Default.RedactHeaderValue(f.Key, f.Value)))]);
    }

    private IActorRef StartRecorder(string sessionId)
    {
        var deps = _deps;
        var recorder = Context.ActorOf(Props.Create(() => new SessionRecorderActor(sessionId, deps)), $"{Uri.EscapeDataString(sessionId)}-{++_generation}");
        Context.WatchWith(recorder, new RecorderTerminated(sessionId, recorder));
        _recorders[sessionId] = recorder;
        return recorder;
    }
}
