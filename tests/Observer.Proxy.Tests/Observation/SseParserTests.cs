using System.Text;
using Observer.Proxy.Observation;

namespace Observer.Proxy.Tests.Observation;

public sealed class SseParserTests
{
    [Fact]
    public void EventsSplitAcrossWrites_AreParsedWithArrivalTimes()
    {
        var parser = new SseParser(1 << 20);
        parser.Feed("event: delta\ndata: {\"a\""u8, 1);
        parser.Feed(":1}\n\n: comment\n\ndata: line1\r\ndata: line2\r\n\r\n"u8, 2);
        parser.Feed("data: [DONE]\n"u8, 3);
        parser.Feed("\n"u8, 4);

        Assert.Equal(3, parser.Count);
        Assert.Equal(new[] { "{\"a\":1}", "line1\nline2", "[DONE]" }, parser.Events.Select(e => e.Data));
        Assert.Equal("delta", parser.Events[0].EventType);
        Assert.Null(parser.Events[1].EventType);
        Assert.Equal(new[] { 2.0, 2.0, 4.0 }, parser.Events.Select(e => e.AtMs));
    }

    [Fact]
    public void BeyondTheBound_EventsAreCountedNotKept()
    {
        var parser = new SseParser(10);
        for (var i = 0; i < 5; i++)
        {
            parser.Feed(Encoding.UTF8.GetBytes("data: 12345\n\n"), i);
        }

        Assert.Equal(5, parser.Count);
        Assert.Equal(2, parser.Events.Count);
        Assert.True(parser.Degraded);
    }
}
