namespace Observer.Actors.Recording;

/// <summary>Approximate serialized size of a recording event, for memory bounds and the index (retention reads exact sizes).</summary>
internal static class EventSize
{
    public static long Estimate(RecordingEvents.IRecordingEvent evt)
    {
        if (evt is not RecordingEvents.ExchangeRecorded recorded)
        {
            return 256;
        }

        var x = recorded.Exchange;
        long bytes = 1024 + (x.RequestBody.Length + x.ResponseBody.Length) * 4 / 3;
        foreach (var field in x.RequestHeaders.Fields.Concat(x.ResponseHeaders.Fields))
        {
            bytes += field.Key.Length + field.Value.Length + 8;
        }

        foreach (var sse in x.SseEvents)
        {
            bytes += sse.Data.Length + 32;
        }

        return bytes;
    }
}
