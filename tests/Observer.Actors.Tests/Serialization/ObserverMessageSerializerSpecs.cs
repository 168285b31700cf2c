using System.Text.Json;
using Akka.Hosting;
using Observer.Actors.Detection;
using Observer.Actors.Serialization;
using Observer.Actors.Tasks;
using Observer.Actors.Tests.Support;
using Observer.Actors.Tests.Tasks.Scenarios;
using Observer.Contracts.Exchanges;
using Observer.Contracts.Signals;
using Observer.Providers.Detection;

namespace Observer.Actors.Tests.Serialization;

/// <summary>Every message that crosses nodes goes through our serializer, and survives a round trip unchanged.</summary>
public sealed class ObserverMessageSerializerSpecs(ITestOutputHelper output)
    : Akka.Hosting.TestKit.TestKit(nameof(ObserverMessageSerializerSpecs), output)
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 9, 0, 0, 123, TimeSpan.Zero);

    public static TheoryData<string> Samples => [.. SampleMessages().Keys];

    [Fact]
    public void Samples_CoverEveryMessageType() =>
        Assert.Equal(
            ObserverMessageSerializer.MessageTypes.Select(t => t.FullName).Order(),
            SampleMessages().Values.Select(m => m.GetType().FullName).Order());

    [Theory]
    [MemberData(nameof(Samples))]
    public void Message_RoundTripsThroughObserverSerializer(string name)
    {
        var message = SampleMessages()[name];
        var serializer = Sys.Serialization.FindSerializerFor(message);
        var manifested = Assert.IsType<ObserverMessageSerializer>(serializer);

        var manifest = manifested.Manifest(message);
        var bytes = manifested.ToBinary(message);
        var back = manifested.FromBinary(bytes, manifest);

        Assert.IsType(message.GetType(), back);
        Assert.StartsWith("axom.actors.", manifest, StringComparison.Ordinal);
        Assert.Equal(Json(message), Json(back));
    }

    [Fact]
    public void DetectExchange_RoundTripKeepsBodiesHeadersAndEvents()
    {
        var original = (DetectorCommands.DetectExchange)SampleMessages()["detect-exchange"];
        var serializer = (ObserverMessageSerializer)Sys.Serialization.FindSerializerFor(original);
        var back = (DetectorCommands.DetectExchange)serializer.FromBinary(serializer.ToBinary(original), serializer.Manifest(original));

        Assert.Equal(original.Exchange.RequestBody.ToArray(), back.Exchange.RequestBody.ToArray());
        Assert.Equal(original.Exchange.RequestHeaders.Fields, back.Exchange.RequestHeaders.Fields);
        Assert.Equal(original.Exchange.SseEvents, back.Exchange.SseEvents);
        Assert.Equal(original.Exchange.StartedAt, back.Exchange.StartedAt);
        Assert.Equal(original.Exchange.Connection, back.Exchange.Connection);
    }

    [Fact]
    public void CorrelateCall_RoundTripKeepsSignalAndFeatures()
    {
        var original = (TaskCorrelationCommands.CorrelateCall)SampleMessages()["correlate-call"];
        var serializer = (ObserverMessageSerializer)Sys.Serialization.FindSerializerFor(original);
        var back = (TaskCorrelationCommands.CorrelateCall)serializer.FromBinary(serializer.ToBinary(original), serializer.Manifest(original));

        Assert.Equal(SignalJson.Serialize(original.Call.Signal), SignalJson.Serialize(back.Call.Signal));
        Assert.Equal(original.Call.Features.PrefixHashes, back.Call.Features.PrefixHashes);
        Assert.Equal(original.Call.Features.ContinuationHash, back.Call.Features.ContinuationHash);
        Assert.Equal(original.Call.Features.ToolCallIdsIssued, back.Call.Features.ToolCallIdsIssued);
        Assert.Equal(original.AgentId, back.AgentId);
    }

    protected override void ConfigureAkka(AkkaConfigurationBuilder builder, IServiceProvider provider) =>
        builder.WithCustomSerializer(ObserverMessageSerializer.Name, [typeof(IClusterMessage)], system => new ObserverMessageSerializer(system));

    private static string Json(object message) => JsonSerializer.Serialize(message, message.GetType(), ObserverMessageSerializer.Options);

    private static Dictionary<string, object> SampleMessages()
    {
        var thread = new ChatThread("You are an operations agent.").User("Is order #1 late?");
        var exchange = StreamedExchangeFactory.Chat("conn-s", At, thread, "Checking now.") with
        {
            RequestHeaders = new HeaderList([new("Authorization", "[REDACTED]"), new("X-Axom-Task-Id", "t-1"), new("X-Axom-Task-Id", "t-2")]),
            WebSocket = new WebSocketCounts(1, 2, 3, 4),
            Error = new SignalError("client_aborted", null),
            Query = "api-version=2024-06-01",
        };
        var toolCall = ExchangeFactory.Chat("conn-s", At, thread, ChatReply.CallTools(("call_1", "get_order")));
        var detected = ScenarioRunner.Detector.Detect(toolCall, new DetectionContext("acme", "agent-s", "conn-s"))!;
        detected = detected with { Signal = detected.Signal with { TaskId = "task-1", Properties = new Dictionary<string, string> { ["team"] = "ops" } } };
        var ws = new WebSocketMessageObserved(new ConnectionId("conn-s"), "ex-1", "api.openai.com", "/v1/realtime", 12.5, false, true, 42, "{\"type\":\"response.done\"}");
        return new Dictionary<string, object>
        {
            ["detect-exchange"] = new DetectorCommands.DetectExchange("agent-s", "acme", "conn-s", exchange),
            ["observe-websocket"] = new DetectorCommands.ObserveWebSocket("agent-s", 443, ws),
            ["exchange-processed"] = new DetectorEvents.ExchangeProcessed("ex-1", detected.Signal),
            ["correlate-call"] = new TaskCorrelationCommands.CorrelateCall(detected),
            ["get-open-tasks"] = new TaskCorrelationCommands.GetOpenTasks("agent-s"),
            ["close-all-tasks"] = new TaskCorrelationCommands.CloseAllTasks("agent-s"),
            ["open-tasks"] = new TaskCorrelationReplies.OpenTasks("agent-s", "akka.tcp://axom-observer@127.0.0.1:4053", [new("task-1", "conversation", 2, ["a", "b"])]),
            ["tasks-closed"] = new TaskCorrelationReplies.TasksClosed("agent-s", 3),
            ["call-correlated"] = new TaskCorrelationReplies.CallCorrelated("conn-s", "ex-1", "task-1"),
        };
    }
}
