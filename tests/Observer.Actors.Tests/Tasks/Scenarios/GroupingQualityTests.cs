using Xunit;

namespace Observer.Actors.Tests.Tasks.Scenarios;

/// <summary>
/// Pairwise grouping quality over the scenario corpus: a pair of calls is "together" when they share a task.
/// Precision = true pairs found / pairs put together; recall = true pairs found / pairs that belong together.
/// </summary>
public sealed class GroupingQualityTests(ITestOutputHelper output)
{
    private const double Threshold = 0.95;

    [Fact]
    public void Corpus_HasAtLeastThirtyMultiCallScenarios()
    {
        Assert.True(ScenarioCorpus.All.Count >= 30, $"{ScenarioCorpus.All.Count} scenarios");
        Assert.All(ScenarioCorpus.All, s => Assert.True(s.Calls.Count >= 2, s.Name));
    }

    [Fact]
    public void Corpus_PairwisePrecisionAndRecallAtLeast95Percent()
    {
        long together = 0, expected = 0, correct = 0;
        foreach (var scenario in ScenarioCorpus.All)
        {
            var outcome = ScenarioRunner.Run(scenario);
            var (t, e, c) = Pairs(outcome);
            together += t;
            expected += e;
            correct += c;
            var marker = t == c && e == c ? "ok " : "MISS";
            output.WriteLine($"{marker} {scenario.Name}: expected {e} pairs, grouped {t}, correct {c}; tasks [{string.Join(' ', Labels(outcome))}]");
        }

        var precision = together == 0 ? 1 : (double)correct / together;
        var recall = expected == 0 ? 1 : (double)correct / expected;
        output.WriteLine($"precision {precision:F3} ({correct}/{together}), recall {recall:F3} ({correct}/{expected}) over {ScenarioCorpus.All.Count} scenarios");
        Assert.True(precision >= Threshold, $"precision {precision:F3} < {Threshold}");
        Assert.True(recall >= Threshold, $"recall {recall:F3} < {Threshold}");
    }

    private static (long Together, long Expected, long Correct) Pairs(ScenarioOutcome outcome)
    {
        var calls = outcome.Scenario.Calls;
        long together = 0, expected = 0, correct = 0;
        for (var i = 0; i < calls.Count; i++)
        {
            for (var j = i + 1; j < calls.Count; j++)
            {
                var same = outcome.TaskIds[i] == outcome.TaskIds[j];
                var truth = calls[i].ExpectedTask == calls[j].ExpectedTask;
                together += same ? 1 : 0;
                expected += truth ? 1 : 0;
                correct += same && truth ? 1 : 0;
            }
        }

        return (together, expected, correct);
    }

    private static IEnumerable<string> Labels(ScenarioOutcome outcome)
    {
        var names = new Dictionary<string, int>();
        return outcome.TaskIds.Select(id => names.TryGetValue(id, out var n) ? $"t{n}" : $"t{names[id] = names.Count}");
    }
}
