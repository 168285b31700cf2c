using System.Text;
using System.Text.Json;
using Observer.Actors.Recording;
using Observer.Actors.Tests.Support;
using Observer.Contracts.Signals;

namespace Observer.Actors.Tests.Recording;

public sealed class RecordingJsonTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 9, 0, 0, 123, TimeSpan.Zero);

    public static TheoryData<string> Samples => [.. SampleEvents().Keys];

    [Fact]
    public void Samples_CoverEveryEventType() =>
        Assert.Equal(RecordingJson.EventTypes.Select(t => t.FullName).Order(), SampleEvents().Values.Select(e => e.GetType().FullName).Order());

    [Theory]
    [MemberData(nameof(Samples))]
    public void Event_RoundTripsWithAStableManifest(string name)
    {
        var original = SampleEvents()[name];
        var manifest = RecordingJson.Manifest(original);
        var back = RecordingJson.FromBinary(RecordingJson.ToBinary(original), manifest);

        Assert.StartsWith("axom.recording.", manifest, StringComparison.Ordinal);
        Assert.EndsWith(".v1", manifest, StringComparison.Ordinal);
        Assert.IsType(original.GetType(), back);
        Assert.Equal(Json(original), Json(back));
    }

    [Fact]
    public void ExchangeRecorded_KeepsBodiesHeadersAndSseEvents()
    {
        var original = (RecordingEvents.ExchangeRecorded)SampleEvents()["exchange"];
        var back = (RecordingEvents.ExchangeRecorded)RecordingJson.FromBinary(RecordingJson.ToBinary(original), RecordingJson.ExchangeRecordedManifest);

        Assert.Equal(original.Exchange.RequestBody.ToArray(), back.Exchange.RequestBody.ToArray());
        Assert.Equal(original.Exchange.ResponseBody.ToArray(), back.Exchange.ResponseBody.ToArray());
        Assert.Equal(original.Exchange.RequestHeaders.Fields, back.Exchange.RequestHeaders.Fields);
        Assert.Equal(original.Exchange.SseEvents, back.Exchange.SseEvents);
        Assert.Equal(original.Exchange.StartedAt, back.Exchange.StartedAt);
        Assert.Equal("agent-1", back.AgentId);
    }

    [Fact]
    public void UnknownManifest_Throws() =>
        Assert.Throws<System.Runtime.Serialization.SerializationException>(() => RecordingJson.FromBinary("{}"u8.ToArray(), "axom.recording.nope.v1"));

    private static string Json(object o) => JsonSerializer.Serialize(o, o.GetType(), RecordingJson.Options);

    private static Dictionary<string, RecordingEvents.IRecordingEvent> SampleEvents()
    {
        var thread = new ChatThread("You are helpful.").User("Hi ✓");
        var exchange = ExchangeFactory.Chat("conn-1", At, thread, ChatReply.Say("Hello")) with
        {
            SseEvents = [new(12.5, null, "{\"x\":1}"), new(20, "done", "[DONE]")],
            Error = new SignalError("client_aborted", null),
            Query = "api-version=2024",
        };
        var call = new RecordedCall(exchange.ExchangeId, "openai", "chat", "gpt-4o-mini", "gpt-4o-mini-2024-07-18",
            new Usage { InputTokens = 12, OutputTokens = 3, TotalTokens = 15 }, UsageSources.Reported, 0.000123m, 200, null, "stop", "task-1");
        return new Dictionary<string, RecordingEvents.IRecordingEvent>
        {
            ["opened"] = new RecordingEvents.SessionOpened("conn-1", "127.0.0.1", 50123, 8888, At),
            ["exchange"] = new RecordingEvents.ExchangeRecorded("conn-1", "agent-1", "acme", true, exchange with { RequestBody = Encoding.UTF8.GetBytes("{\"a\":\"é\"}") }),
            ["call"] = new RecordingEvents.CallProduced("conn-1", call),
            ["task"] = new RecordingEvents.TaskAssigned("conn-1", exchange.ExchangeId, "task-1"),
            ["closed"] = new RecordingEvents.SessionClosed("conn-1", At.AddSeconds(3)),
        };
    }
}
