using Observer.Contracts.Exchanges;
using Observer.Contracts.Signals;

namespace Observer.Actors.Recording;

/// <summary>What a session actor hands to its node's <see cref="RecordingSupervisorActor"/> (node-local).</summary>
public static class RecordingCommands
{
    public interface IRecordingCommand
    {
        string SessionId { get; }
    }

    public sealed record Opened(ConnectionInfo Info) : IRecordingCommand
    {
        public string SessionId => Info.Id.Value;
    }

    public sealed record Exchange(string AgentId, string CustomerId, ExchangeRecord Record) : IRecordingCommand
    {
        public string SessionId => Record.Connection.Value;
    }

    public sealed record Call(string SessionId, AiCallSignal Signal) : IRecordingCommand;

    public sealed record Closed(string SessionId, DateTimeOffset ClosedAt) : IRecordingCommand;
}

/// <summary>Registry key of the node's recording supervisor.</summary>
public sealed class RecordingSupervisorKey;
