using Akka.Actor;
using Observer.Actors.Detection;
using Observer.Actors.Tasks;
using Observer.Actors.Tests.Support;

namespace Observer.Actors.Tests.Hosting;

public sealed class ShardRoutingSpecs(ITestOutputHelper output) : ObserverActorsSpec(output)
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ExchangeSentToDetectorRegion_DetectedAndGroupedByTheAgentsCorrelator()
    {
        var detectors = ActorRegistry.Get<ProviderDetectorRegionKey>();
        var correlators = ActorRegistry.Get<TaskCorrelationRegionKey>();
        var thread = new ChatThread("You are a helpful assistant.").User("Hello!");
        var exchange = ExchangeFactory.Chat("conn-r1", At, thread, ChatReply.Say("Hi."));

        detectors.Tell(new DetectorCommands.DetectExchange("agent-r1", "acme", "conn-r1", exchange), TestActor);
        await ExpectMsgAsync<DetectorEvents.ExchangeProcessed>(p => Assert.Equal(exchange.ExchangeId, p.ExchangeId), TimeSpan.FromSeconds(15), cancellationToken: TestContext.Current.CancellationToken);
        Assert.Contains("/system/sharding/provider-detector/", LastSender.Path.ToString(), StringComparison.Ordinal);

        await Eventually(() => Assert.Single(Shipped.Calls));
        var open = await correlators.Ask<TaskCorrelationReplies.OpenTasks>(new TaskCorrelationCommands.GetOpenTasks("agent-r1"), TimeSpan.FromSeconds(15), TestContext.Current.CancellationToken);
        var task = Assert.Single(open.Tasks);
        Assert.Equal([exchange.ExchangeId], task.CallIds);
        Assert.Equal(Shipped.Calls[0].TaskId, task.TaskId);

        var other = await correlators.Ask<TaskCorrelationReplies.OpenTasks>(new TaskCorrelationCommands.GetOpenTasks("agent-r2"), TimeSpan.FromSeconds(15), TestContext.Current.CancellationToken);
        Assert.Empty(other.Tasks);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ReportCorrelation_TaskIdComesBackOnlyWhenAsked(bool report)
    {
        var detectors = ActorRegistry.Get<ProviderDetectorRegionKey>();
        var agent = "agent-report-" + report.ToString().ToLowerInvariant();
        var exchange = ExchangeFactory.Chat("conn-r3", At, new ChatThread("You are terse.").User("Ping?"), ChatReply.Say("Pong."));

        detectors.Tell(new DetectorCommands.DetectExchange(agent, "acme", "conn-r3", exchange, ReportCorrelation: report), TestActor);

        var processed = await ExpectMsgAsync<DetectorEvents.ExchangeProcessed>(TimeSpan.FromSeconds(15), cancellationToken: TestContext.Current.CancellationToken);
        Assert.NotNull(processed.Call);
        await Eventually(() => Assert.Single(Shipped.Calls));
        if (report)
        {
            var correlated = await ExpectMsgAsync<TaskCorrelationReplies.CallCorrelated>(TimeSpan.FromSeconds(15), cancellationToken: TestContext.Current.CancellationToken);
            Assert.Equal((exchange.ExchangeId, Shipped.Calls[0].TaskId), (correlated.CallId, correlated.TaskId));
        }
        else
        {
            await ExpectNoMsgAsync(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        }
    }

    [Fact]
    public async Task CloseAllTasks_ShipsTaskSignalWithTheCallsIds()
    {
        var correlators = ActorRegistry.Get<TaskCorrelationRegionKey>();
        var thread = new ChatThread("Summarize the text in three bullet points.").User("Long report ...");
        Sink.ExchangeCompleted(ExchangeFactory.Chat("conn-r2", At, thread, ChatReply.Say("- a\n- b\n- c"), [("X-Axom-Agent-Id", "agent-r3")]));
        thread.Assistant(ChatReply.Say("- a\n- b\n- c")).User("Shorter please.");
        Sink.ExchangeCompleted(ExchangeFactory.Chat("conn-r2", At.AddSeconds(5), thread, ChatReply.Say("- a"), [("X-Axom-Agent-Id", "agent-r3")]));
        await Eventually(() => Assert.Equal(2, Shipped.Calls.Count));

        var closed = await correlators.Ask<TaskCorrelationReplies.TasksClosed>(new TaskCorrelationCommands.CloseAllTasks("agent-r3"), TimeSpan.FromSeconds(15), TestContext.Current.CancellationToken);
        Assert.Equal(1, closed.Count);
        await Eventually(() => Assert.Single(Shipped.Tasks));
        var taskSignal = Shipped.Tasks[0];
        Assert.Equal(Shipped.Calls.Select(c => c.Id).Order(), taskSignal.CallIds.Order());
        Assert.Equal("conversation", taskSignal.Correlation);
        Assert.Equal("summarization", taskSignal.TaskType);
        Assert.Equal("success", taskSignal.Outcome);
        Assert.Equal(1, Metrics.SignalsProduced.WithLabels("task").Value);
    }
}
