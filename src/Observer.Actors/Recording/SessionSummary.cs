using System.Collections.Immutable;

namespace Observer.Actors.Recording;

/// <summary>One row of the session index (<c>axom_sessions</c>): what <c>sessions list</c> shows and retention reads.</summary>
public sealed record SessionSummary
{
    private const int MaxDistinct = 16;

    public required string SessionId { get; init; }
    public DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset LastAt { get; init; }
    public DateTimeOffset? ClosedAt { get; init; }
    public string Client { get; init; } = "";
    public ImmutableList<string> Agents { get; init; } = [];
    public ImmutableList<string> Destinations { get; init; } = [];
    public ImmutableList<string> Providers { get; init; } = [];
    public long Exchanges { get; init; }
    public long AiCalls { get; init; }
    public long Errors { get; init; }

    /// <summary>Approximate bytes of the session's recorded events.</summary>
    public long Bytes { get; init; }

    public bool BodiesRecorded { get; init; } = true;

    /// <summary>The highest journal sequence number of the session this row summarizes: index writes only move it forward.</summary>
    public long LastSequenceNr { get; init; }

    public static SessionSummary Start(string sessionId) => new() { SessionId = sessionId };

    /// <summary>The row after the session's event persisted under <paramref name="sequenceNr"/>.</summary>
    public SessionSummary Apply(RecordingEvents.IRecordingEvent evt, long bytes, long sequenceNr)
    {
        var next = this with { Bytes = Bytes + bytes, LastSequenceNr = Math.Max(LastSequenceNr, sequenceNr) };
        switch (evt)
        {
            case RecordingEvents.SessionOpened opened:
                return next.Touch(opened.OpenedAt) with { Client = $"{opened.ClientIp}:{opened.ClientPort}" };
            case RecordingEvents.ExchangeRecorded recorded:
                var x = recorded.Exchange;
                var failed = x.Status == 0 || x.Status >= 400 || x.Error is not null;
                return next.Touch(x.StartedAt) with
                {
                    Client = Client.Length == 0 ? $"{x.ClientIp}:{x.ClientPort}" : Client,
                    Agents = AddDistinct(Agents, recorded.AgentId),
                    Destinations = AddDistinct(Destinations, x.Port is 80 or 443 ? x.Host : $"{x.Host}:{x.Port}"),
                    Exchanges = Exchanges + 1,
                    Errors = Errors + (failed ? 1 : 0),
                    BodiesRecorded = BodiesRecorded && recorded.BodiesRecorded,
                };
            case RecordingEvents.CallProduced produced:
                return next with { AiCalls = AiCalls + 1, Providers = AddDistinct(Providers, produced.Call.Provider) };
            case RecordingEvents.SessionClosed closed:
                return next.Touch(closed.ClosedAt) with { ClosedAt = closed.ClosedAt };
            default:
                return next;
        }
    }

    private SessionSummary Touch(DateTimeOffset at) => this with
    {
        StartedAt = StartedAt == default || at < StartedAt ? at : StartedAt,
        LastAt = at > LastAt ? at : LastAt,
    };

    private static ImmutableList<string> AddDistinct(ImmutableList<string> list, string value) =>
        list.Contains(value) || list.Count >= MaxDistinct ? list : list.Add(value);
}
