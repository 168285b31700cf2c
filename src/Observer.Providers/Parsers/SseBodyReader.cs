using System.Text;
using Observer.Contracts.Exchanges;

namespace Observer.Providers.Parsers;

/// <summary>Reads server-sent events back from a captured body when the proxy did not split them (arrival times unknown).</summary>
internal static class SseBodyReader
{
    public const int MaxEvents = 100_000;

    public static IReadOnlyList<SseEvent> Read(ReadOnlySpan<byte> body)
    {
        var events = new List<SseEvent>();
        var text = Encoding.UTF8.GetString(body);
        string? type = null;
        var data = new StringBuilder();
        var hasData = false;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length == 0)
            {
                Flush();
                continue;
            }

            if (line.StartsWith(':'))
            {
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var field = colon < 0 ? line : line[..colon];
            var value = colon < 0 ? "" : line[(colon + 1)..];
            if (value.StartsWith(' '))
            {
                value = value[1..];
            }

            if (field == "event")
            {
                type = value;
            }
            else if (field == "data")
            {
                if (hasData)
                {
                    data.Append('\n');
                }

                data.Append(value);
                hasData = true;
            }

            if (events.Count >= MaxEvents)
            {
                break;
            }
        }

        // A body cut by the tap limit may end inside an event; keep it (its JSON may still parse).
        Flush();
        return events;

        void Flush()
        {
            if (hasData)
            {
                events.Add(new SseEvent(-1, type, data.ToString()));
            }

            type = null;
            data.Clear();
            hasData = false;
        }
    }
}
