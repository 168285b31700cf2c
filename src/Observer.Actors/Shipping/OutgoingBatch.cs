using System.Security.Cryptography;
using System.Text;

namespace Observer.Actors.Shipping;

/// <summary>
/// One POST worth of consecutive journal events. Its <see cref="BatchId"/> is derived from the signal ids, so it is
/// the same on every retry (and even when a restart forms the same batch again).
/// </summary>
public sealed class OutgoingBatch
{
    public OutgoingBatch(IReadOnlyList<PendingEvent> events)
    {
        if (events.Count == 0)
        {
            throw new ArgumentException("a batch needs at least one event", nameof(events));
        }

        Events = events;
        FromSequenceNr = events[0].SequenceNr;
        ToSequenceNr = events[^1].SequenceNr;
        SignalCount = events.Sum(e => e.Signals.Count);
        Bytes = events.Sum(e => e.Bytes);
        BatchId = ComputeId(events);
        Body = BuildBody(events, Bytes, SignalCount);
    }

    public string BatchId { get; }

    public long FromSequenceNr { get; }

    public long ToSequenceNr { get; }

    public IReadOnlyList<PendingEvent> Events { get; }

    public int SignalCount { get; }

    public long Bytes { get; }

    /// <summary>The JSON array the backend receives (SIGNALS.md): the stored signals, verbatim.</summary>
    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>Attempts made so far (1 after the first send).</summary>
    public int Attempts { get; set; }

    public bool Settled { get; set; }

    public IEnumerable<StoredSignal> Signals => Events.SelectMany(e => e.Signals);

    /// <summary>Builds <c>[s1,s2,...]</c> from raw signal JSON without re-serializing.</summary>
    public static byte[] BuildBody(IReadOnlyList<StoredSignal> signals) =>
        BuildBody(signals, signals.Sum(s => (long)s.Bytes), signals.Count);

    private static byte[] BuildBody(IReadOnlyList<PendingEvent> events, long bytes, int count) =>
        BuildBody(events.SelectMany(e => e.Signals), bytes, count);

    private static byte[] BuildBody(IEnumerable<StoredSignal> signals, long bytes, int count)
    {
        var body = new byte[bytes + Math.Max(1, count) + 1];
        var position = 0;
        body[position++] = (byte)'[';
        var first = true;
        foreach (var signal in signals)
        {
            if (!first)
            {
                body[position++] = (byte)',';
            }

            first = false;
            signal.Json.Span.CopyTo(body.AsSpan(position));
            position += signal.Json.Length;
        }

        body[position++] = (byte)']';
        return position == body.Length ? body : body.AsSpan(0, position).ToArray();
    }

    private static string ComputeId(IReadOnlyList<PendingEvent> events)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var signal in events.SelectMany(e => e.Signals))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(signal.Id));
            hash.AppendData("\n"u8);
        }

        var digest = hash.GetHashAndReset();
        return new Guid(digest.AsSpan(0, 16)).ToString();
    }
}
