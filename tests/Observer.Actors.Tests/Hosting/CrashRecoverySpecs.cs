using Akka.Actor;
using Observer.Actors.Detection;
using Observer.Actors.Tasks;
using Observer.Actors.Tests.Support;

namespace Observer.Actors.Tests.Hosting;

public sealed class CrashRecoverySpecs(ITestOutputHelper output) : ObserverActorsSpec(output)
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    protected override ICallDetector CreateDetector() => new PoisonableDetector(base.CreateDetector());

    [Fact]
    public async Task DetectorCrashMidTask_OtherCallsAndAgentsKeepTheirTasks()
    {
        var a = new ChatThread("You are a coding assistant. Write Python.");
        var b = new ChatThread("You are a friendly customer support agent.");
        var agentA = ("X-Axom-Agent-Id", "crash-a");
        var agentB = ("X-Axom-Agent-Id", "crash-b");

        Send(a.User("Write a CSV parser."), "def parse(): ...", 0, agentA);
        Send(b.User("Where is my order?"), "It ships today.", 1, agentB);
        Send(a.User("Add tests."), "def test_parse(): ...", 2, agentA);
        await Eventually(() => Assert.Equal(3, Shipped.Calls.Count));

        // A parser bug on the agent's next exchange: the detection worker throws and restarts.
        Sink.ExchangeCompleted(ExchangeFactory.Chat("conn-a", At.AddSeconds(3), a, ChatReply.Say("x"), [agentA, (PoisonableDetector.PoisonHeader, "1")]));
        Send(a.User("Handle quoted fields."), "Updated.", 4, agentA);
        Send(b.User("Thanks!"), "You're welcome.", 5, agentB);
        await Eventually(() => Assert.Equal(5, Shipped.Calls.Count));

        var correlators = ActorRegistry.Get<TaskCorrelationRegionKey>();
        foreach (var agent in new[] { "crash-a", "crash-b" })
        {
            await correlators.Ask<TaskCorrelationReplies.TasksClosed>(new TaskCorrelationCommands.CloseAllTasks(agent), TimeSpan.FromSeconds(15), TestContext.Current.CancellationToken);
        }

        await Eventually(() => Assert.Equal(2, Shipped.Tasks.Count));
        var taskA = Assert.Single(Shipped.Tasks, t => t.AgentId == "crash-a");
        var taskB = Assert.Single(Shipped.Tasks, t => t.AgentId == "crash-b");
        Assert.Equal(3, taskA.CallCount);
        Assert.Equal(Shipped.Calls.Where(c => c.AgentId == "crash-a").Select(c => c.Id).Order(), taskA.CallIds.Order());
        Assert.Equal(2, taskB.CallCount);
        Assert.All(Shipped.Calls, c => Assert.Equal(c.AgentId == "crash-a" ? taskA.Id : taskB.Id, c.TaskId));
    }

    private void Send(ChatThread thread, string answer, double seconds, (string, string) agent)
    {
        var reply = ChatReply.Say(answer);
        Sink.ExchangeCompleted(ExchangeFactory.Chat($"conn-{agent.Item2}", At.AddSeconds(seconds), thread, reply, [agent]));
        thread.Assistant(reply);
    }
}
