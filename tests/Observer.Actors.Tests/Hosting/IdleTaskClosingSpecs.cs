using Observer.Actors.Hosting;
using Observer.Actors.Tests.Support;

namespace Observer.Actors.Tests.Hosting;

public sealed class IdleTaskClosingSpecs(ITestOutputHelper output) : ObserverActorsSpec(output)
{
    protected override ObserverActorsOptions CreateOptions()
    {
        var options = base.CreateOptions();
        options.TaskIdleGap = TimeSpan.FromSeconds(1);
        options.TaskTickInterval = TimeSpan.FromMilliseconds(200);
        return options;
    }

    [Fact]
    public async Task CallsThenSilence_CorrelatorTickClosesTaskAfterIdleGap()
    {
        var now = DateTimeOffset.UtcNow;
        var thread = new ChatThread("Translate the user's text into German.").User("Good night.");
        Sink.ExchangeCompleted(ExchangeFactory.Chat("conn-idle", now, thread, ChatReply.Say("Gute Nacht."), latencyMs: 100));

        await Eventually(() => Assert.Single(Shipped.Tasks));
        var task = Shipped.Tasks[0];
        Assert.Equal(Shipped.Calls[0].TaskId, task.Id);
        Assert.Equal("completed", task.Status);
        Assert.Equal("translation", task.TaskType);
        Assert.Equal([Shipped.Calls[0].Id], task.CallIds);
    }
}
