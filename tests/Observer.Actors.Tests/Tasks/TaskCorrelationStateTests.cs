using Observer.Actors.Tasks;
using Observer.Providers.Detection;
using static Observer.Actors.Tests.Tasks.DetectedCalls;

namespace Observer.Actors.Tests.Tasks;

public sealed class TaskCorrelationStateTests
{
    private static readonly TaskCorrelationSettings Settings = TaskCorrelationSettings.Default;

    [Fact]
    public void CallsInsideIdleGap_JoinOneTaskClosedByTickAfterGap()
    {
        var state = TaskCorrelationState.Empty;
        var r1 = state.Handle(Call(0), At(1), Settings);
        var r2 = r1.State.Handle(Call(20), At(21), Settings);
        Assert.Equal(r1.Call!.TaskId, r2.Call!.TaskId);

        Assert.Empty(r2.State.Tick(At(50), Settings).ClosedTasks);
        var closed = Assert.Single(r2.State.Tick(At(51), Settings).ClosedTasks);
        Assert.Equal("completed", closed.Status);
        Assert.Equal("time_window", closed.Correlation);
        Assert.Equal(2, closed.CallCount);
        Assert.Equal(At(0), closed.StartedAt);
        Assert.Equal(At(21), closed.EndedAt);
        Assert.Equal(21000, closed.DurationMs);
        Assert.Equal(0.002m, closed.CostUsd);
        Assert.Equal(240, closed.Usage.TotalTokens);
    }

    [Fact]
    public void ExplicitEnd_ClosesTaskWithTheCallAndShipsCallFirst()
    {
        var features = new CallFeatures { ExplicitTaskId = "job-9", ExplicitTaskEnd = true, ExplicitTaskType = "Research" };
        var result = TaskCorrelationState.Empty.Handle(Call(0, features), At(1), Settings);
        var task = Assert.Single(result.ClosedTasks);
        Assert.Equal(result.Call!.TaskId, task.Id);
        Assert.Equal("explicit", task.Correlation);
        Assert.Equal("research", task.TaskType);
        Assert.Equal(1.0, task.TaskTypeConfidence);
        Assert.Empty(result.State.OpenTasks);
        Assert.IsType<Contracts.Signals.AiCallSignal>(result.Signals()[0]);
    }

    [Fact]
    public void MaxDuration_TaskTimesOutAndNextCallOpensNewTask()
    {
        var settings = Settings with { MaxDuration = TimeSpan.FromSeconds(60) };
        var state = TaskCorrelationState.Empty;
        string? first = null;
        for (var i = 0; i < 4; i++)
        {
            var r = state.Handle(Call(i * 20), At((i * 20) + 1), settings);
            first ??= r.Call!.TaskId;
            state = r.State;
            if (i == 3)
            {
                Assert.NotEqual(first, r.Call!.TaskId);
                Assert.Equal("timed_out", Assert.Single(r.ClosedTasks).Status);
            }
        }
    }

    [Fact]
    public void ConversationContinuation_JoinsItsTaskAmongParallelOnes()
    {
        var a = Call(0, new CallFeatures { PrefixHashes = [1, 2], ContinuationHash = 3 });
        var b = Call(1, new CallFeatures { ExplicitTaskId = "other" });
        var c = Call(2, new CallFeatures { PrefixHashes = [1, 2, 3, 4] });
        var r1 = TaskCorrelationState.Empty.Handle(a, At(1), Settings);
        var r2 = r1.State.Handle(b, At(2), Settings);
        var r3 = r2.State.Handle(c, At(3), Settings);
        Assert.Equal(r1.Call!.TaskId, r3.Call!.TaskId);
        Assert.NotEqual(r1.Call.TaskId, r2.Call!.TaskId);
        Assert.Equal("conversation", r3.State.OpenTasks.Single(t => t.Id == r1.Call.TaskId).Correlation);
    }

    [Fact]
    public void ToolResult_JoinsTheTaskThatIssuedTheToolCall()
    {
        var ask = Call(0, new CallFeatures { ExplicitTaskId = null, ToolCallIdsIssued = ["call_9"], PrefixHashes = [7] });
        var unrelated = Call(100, new CallFeatures { PrefixHashes = [8] });
        var answer = Call(101, new CallFeatures { ToolCallIdsAnswered = ["call_9"] });
        var settings = Settings with { IdleGap = TimeSpan.FromMinutes(10) };
        var r1 = TaskCorrelationState.Empty.Handle(ask, At(1), settings);
        var r2 = r1.State.Handle(unrelated, At(101), settings with { });
        var r3 = r2.State.Handle(answer, At(102), settings);
        Assert.Equal(r1.Call!.TaskId, r3.Call!.TaskId);
    }

    [Fact]
    public void ManyOpenTasks_OldestClosedBeyondTheCap()
    {
        var settings = Settings with { MaxOpenTasks = 3 };
        var state = TaskCorrelationState.Empty;
        var closed = new List<Contracts.Signals.TaskSignal>();
        for (var i = 0; i < 5; i++)
        {
            var r = state.Handle(Call(i, new CallFeatures { ExplicitTaskId = $"t{i}" }), At(i + 1), settings);
            state = r.State;
            closed.AddRange(r.ClosedTasks);
        }

        Assert.Equal(3, state.OpenTasks.Length);
        Assert.Equal(2, closed.Count);
    }

    [Fact]
    public void CallIdsAndFingerprints_StayWithinTheirCaps()
    {
        var settings = Settings with { MaxCallIds = 5, MaxFingerprints = 4, IdleGap = TimeSpan.FromHours(1), MaxDuration = TimeSpan.FromHours(2) };
        var state = TaskCorrelationState.Empty;
        for (var i = 0; i < 20; i++)
        {
            var features = new CallFeatures { ExplicitTaskId = "long", PrefixHashes = [(ulong)i], ContinuationHash = (ulong)(1000 + i), ToolCallIdsIssued = [$"tool{i}"] };
            state = state.Handle(Call(i, features), At(i + 1), settings).State;
        }

        var task = Assert.Single(state.OpenTasks);
        Assert.Equal(20, task.CallCount);
        Assert.Equal(5, task.CallIds.Count);
        Assert.Equal(4, task.Fingerprints.Length);
        Assert.Equal(4, task.ToolCallIds.Length);
        Assert.Equal(5, Assert.Single(state.CloseAll(settings).ClosedTasks).CallIds.Count);
    }

    [Fact]
    public void VoiceStages_FormAVoiceConversationTask()
    {
        var state = TaskCorrelationState.Empty;
        var ids = new HashSet<string>();
        foreach (var (at, category, operation) in new[]
        {
            (0.0, "speech_to_text", "audio_transcription"), (1.0, "llm", "chat"), (2.5, "text_to_speech", "speech_synthesis"),
            (9.0, "speech_to_text", "audio_transcription"), (10.0, "llm", "chat"), (11.5, "text_to_speech", "speech_synthesis"),
        })
        {
            var r = state.Handle(Call(at, category: category, operation: operation, finish: category == "llm" ? "stop" : null, latencyMs: 500), At(at + 0.5), Settings);
            state = r.State;
            ids.Add(r.Call!.TaskId!);
        }

        Assert.Single(ids);
        var task = Assert.Single(state.CloseAll(Settings).ClosedTasks);
        Assert.Equal("voice_conversation", task.TaskType);
        Assert.Equal("pipeline", task.Correlation);
        Assert.Equal("success", task.Outcome);
    }
}
