using Akka.Actor;
using Observer.Contracts.Exchanges;

namespace Observer.Actors.Sessions;

/// <summary>
/// The node's parent of session actors: creates one per connection on its first observation and routes by
/// connection id. A session leaves the routing table before it stops, so no observation is sent to a stopping session.
/// </summary>
public sealed class SessionSupervisorActor : ReceiveActor
{
    private readonly Func<ConnectionId, Props> _sessionProps;
    private readonly Dictionary<ConnectionId, IActorRef> _sessions = [];
    private long _generation;

    public SessionSupervisorActor(Func<ConnectionId, Props> sessionProps)
    {
        _sessionProps = sessionProps;

        Receive<SessionCommands.Close>(close =>
        {
            if (_sessions.Remove(close.Connection, out var session))
            {
                session.Forward(close);
            }
        });
        Receive<SessionCommands.ISessionCommand>(command => SessionFor(command.Connection).Forward(command));
        Receive<SessionActor.Idle>(idle =>
        {
            if (_sessions.TryGetValue(idle.Connection, out var session) && session.Equals(Sender))
            {
                _sessions.Remove(idle.Connection);
                // Delivered after anything already in the session's mailbox, so those observations are still handled.
                session.Tell(PoisonPill.Instance);
            }
        });
        Receive<Terminated>(terminated =>
        {
            foreach (var (connection, session) in _sessions)
            {
                if (session.Equals(terminated.ActorRef))
                {
                    _sessions.Remove(connection);
                    break;
                }
            }
        });
        Receive<SessionCommands.CountSessions>(_ => Sender.Tell(Context.GetChildren().Count()));
    }

    private IActorRef SessionFor(ConnectionId connection)
    {
        if (_sessions.TryGetValue(connection, out var session))
        {
            return session;
        }

        var name = $"{Uri.EscapeDataString(connection.Value)}-{++_generation}";
        session = Context.ActorOf(_sessionProps(connection), name);
        Context.Watch(session);
        _sessions[connection] = session;
        return session;
    }
}
