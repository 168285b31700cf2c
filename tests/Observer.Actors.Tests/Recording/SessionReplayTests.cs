using Observer.Actors.Recording;
using Observer.Actors.Tasks;
using Observer.Actors.Tests.Support;
using Observer.Actors.Tests.Tasks.Scenarios;
using Observer.Contracts.Signals;

namespace Observer.Actors.Tests.Recording;

public sealed class SessionReplayTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void SameDetectionAsAtTheTime_NoDifferences()
    {
        var (session, _) = Conversation(thenModel: null);

        var steps = SessionReplay.Run(session, ScenarioRunner.Detector, TaskCorrelationSettings.Default);

        Assert.Equal(3, steps.Count);
        Assert.All(steps, s => Assert.Empty(s.Differences));
        Assert.Null(steps[2].Now);
        Assert.Equal(steps[0].NowTaskLabel, steps[1].NowTaskLabel);
    }

    [Fact]
    public void DetectionChangedSinceRecording_DiffNamesTheField()
    {
        var (session, first) = Conversation(thenModel: "gpt-3.5-turbo");

        var steps = SessionReplay.Run(session, ScenarioRunner.Detector, TaskCorrelationSettings.Default);

        Assert.Equal(["model: gpt-3.5-turbo -> gpt-4o-mini"], steps.Single(s => s.Exchange.Exchange.ExchangeId == first).Differences);
    }

    [Fact]
    public void CallsSplitIntoTwoTasksThen_OneTaskNow_ReportsTaskDifference()
    {
        var (session, _) = Conversation(thenModel: null, splitTasks: true);

        var steps = SessionReplay.Run(session, ScenarioRunner.Detector, TaskCorrelationSettings.Default);

        Assert.Equal(["task: task-2 -> task-1"], steps[1].Differences);
    }

    private static (RecordedSession Session, string FirstId) Conversation(string? thenModel, bool splitTasks = false)
    {
        var thread = new ChatThread("You are a helpful assistant.").User("Plan a trip.");
        var one = ExchangeFactory.Chat("conn-r", At, thread, ChatReply.Say("Sure."));
        thread.Assistant(ChatReply.Say("Sure.")).User("Add a day in Rome.");
        var two = ExchangeFactory.Chat("conn-r", At.AddSeconds(5), thread, ChatReply.Say("Done."));
        var plain = ExchangeFactory.Plain("conn-r", At.AddSeconds(6));
        var events = new List<RecordingEvents.IRecordingEvent>();
        foreach (var (x, task) in new[] { (one, "then-a"), (two, splitTasks ? "then-b" : "then-a") })
        {
            var detected = ScenarioRunner.Detector.Detect(x, new Providers.Detection.DetectionContext("acme", "agent", "conn-r"))!;
            var call = RecordedCall.From(detected.Signal) with { Model = x == one && thenModel is not null ? thenModel : detected.Signal.Model };
            events.Add(new RecordingEvents.ExchangeRecorded("conn-r", "agent", "acme", true, x));
            events.Add(new RecordingEvents.CallProduced("conn-r", call));
            events.Add(new RecordingEvents.TaskAssigned("conn-r", x.ExchangeId, task));
        }

        events.Add(new RecordingEvents.ExchangeRecorded("conn-r", "agent", "acme", true, plain));
        return (RecordedSession.From("conn-r", events), one.ExchangeId);
    }
}
