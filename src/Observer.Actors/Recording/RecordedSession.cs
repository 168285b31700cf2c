namespace Observer.Actors.Recording;

/// <summary>A session read back from the journal: its opening, exchanges in start order, and the calls produced at the time.</summary>
public sealed record RecordedSession(
    string SessionId,
    RecordingEvents.SessionOpened? Opened,
    IReadOnlyList<RecordingEvents.ExchangeRecorded> Exchanges,
    IReadOnlyDictionary<string, RecordedCall> CallsAtTheTime,
    DateTimeOffset? ClosedAt)
{
    public static RecordedSession From(string sessionId, IEnumerable<RecordingEvents.IRecordingEvent> events)
    {
        RecordingEvents.SessionOpened? opened = null;
        var exchanges = new List<RecordingEvents.ExchangeRecorded>();
        var calls = new Dictionary<string, RecordedCall>(StringComparer.Ordinal);
        var tasks = new Dictionary<string, string?>(StringComparer.Ordinal);
        DateTimeOffset? closed = null;
        foreach (var evt in events)
        {
            switch (evt)
            {
                case RecordingEvents.SessionOpened o:
                    opened ??= o;
                    break;
                case RecordingEvents.ExchangeRecorded x:
                    exchanges.Add(x);
                    break;
                case RecordingEvents.CallProduced c:
                    calls[c.Call.ExchangeId] = c.Call;
                    break;
                case RecordingEvents.TaskAssigned t:
                    tasks[t.ExchangeId] = t.TaskId;
                    break;
                case RecordingEvents.SessionClosed c:
                    closed = c.ClosedAt;
                    break;
            }
        }

        // The correlator's answer may arrive before or after the detector's: merge by exchange id.
        foreach (var (exchangeId, taskId) in tasks)
        {
            if (calls.TryGetValue(exchangeId, out var call))
            {
                calls[exchangeId] = call with { TaskId = taskId };
            }
        }

        var ordered = exchanges.OrderBy(x => x.Exchange.StartedAt).ThenBy(x => x.Exchange.Sequence).ToList();
        return new RecordedSession(sessionId, opened, ordered, calls, closed);
    }

    public bool IsEmpty => Opened is null && Exchanges.Count == 0;

    public bool BodiesRecorded => Exchanges.All(x => x.BodiesRecorded);
}
