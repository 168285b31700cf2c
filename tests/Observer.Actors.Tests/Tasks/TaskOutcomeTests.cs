using Observer.Actors.Tasks;
using static Observer.Actors.Tests.Tasks.DetectedCalls;

namespace Observer.Actors.Tests.Tasks;

public sealed class TaskOutcomeTests
{
    public static TheoryData<int[], string?[], string> Cases => new()
    {
        { [200, 200], ["stop", "stop"], "success" },
        { [200, 500], ["stop", null], "failure" },
        { [500, 500, 200], [null, null, "stop"], "failure" },
        { [200, 200], ["stop", "length"], "partial" },
        { [200, 200], ["content_filter", "stop"], "partial" },
        { [500, 200, 200], [null, "stop", "stop"], "partial" },
        { [200, 200], ["stop", "pause_turn"], "unknown" },
        { [200], [null], "success" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void TaskCalls_OutcomeFollowsDefaultRules(int[] statuses, string?[] finishes, string outcome)
    {
        var state = TaskCorrelationState.Empty;
        for (var i = 0; i < statuses.Length; i++)
        {
            state = state.Handle(Call(i, status: statuses[i], finish: finishes[i]), At(i + 1), TaskCorrelationSettings.Default).State;
        }

        var task = Assert.Single(state.CloseAll(TaskCorrelationSettings.Default).ClosedTasks);
        Assert.Equal(outcome, task.Outcome);
        Assert.Equal(statuses.Count(s => s >= 400), task.ErrorCount);
    }
}
