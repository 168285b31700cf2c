using Observer.Contracts.Exchanges;

namespace Observer.Actors.Sessions;

/// <summary>What the exchange sink hands to the node's session supervisor (node-local, never crosses nodes).</summary>
public static class SessionCommands
{
    public interface ISessionCommand
    {
        ConnectionId Connection { get; }
    }

    public sealed record Open(ConnectionInfo Info) : ISessionCommand
    {
        public ConnectionId Connection => Info.Id;
    }

    /// <summary>A completed exchange that holds one hand-off slot until the detector reports it processed.</summary>
    public sealed record Exchange(ExchangeRecord Record) : ISessionCommand
    {
        public ConnectionId Connection => Record.Connection;
    }

    public sealed record WebSocket(WebSocketMessageObserved Message) : ISessionCommand
    {
        public ConnectionId Connection => Message.Connection;
    }

    public sealed record Close(ConnectionId Connection, DateTimeOffset ClosedAt) : ISessionCommand;

    /// <summary>Asks the supervisor how many session actors are alive; answered with an <see cref="int"/>.</summary>
    public sealed record CountSessions;
}

/// <summary>Registry key of the node's session supervisor.</summary>
public sealed class SessionSupervisorKey;
