using Observer.Actors.Tasks;
using Observer.Actors.Tests.Support;
using Observer.Contracts.Exchanges;

namespace Observer.Actors.Tests.Tasks.Scenarios;

/// <summary>Writes a scenario on a timeline in seconds from a fixed start; chat calls grow their thread with each reply.</summary>
internal sealed class ScenarioBuilder(string name)
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly List<ScriptedCall> _calls = [];
    private TaskCorrelationSettings? _settings;

    public static DateTimeOffset At(double seconds) => Start.AddSeconds(seconds);

    public static (string, string)[] Headers(params (string, string)[] headers) => headers;

    public ScenarioBuilder With(TaskCorrelationSettings settings)
    {
        _settings = settings;
        return this;
    }

    public ScenarioBuilder Add(string agent, string task, ExchangeRecord exchange)
    {
        _calls.Add(new ScriptedCall(agent, exchange, $"{agent}/{task}"));
        return this;
    }

    /// <summary>A chat call with the thread as it stands; the reply is then appended to the thread.</summary>
    public ScenarioBuilder Chat(
        string agent, string task, double seconds, ChatThread thread, ChatReply reply, (string, string)[]? headers = null,
        int status = 200, string connection = "conn-1")
    {
        Add(agent, task, ExchangeFactory.Chat($"{agent}-{connection}", At(seconds), thread, reply, headers, status: status));
        if (status < 400)
        {
            thread.Assistant(reply);
        }

        return this;
    }

    public ScenarioBuilder Ask(string agent, string task, double seconds, ChatThread thread, string user, string answer, (string, string)[]? headers = null) =>
        Chat(agent, task, seconds, thread.User(user), ChatReply.Say(answer), headers);

    public Scenario Build() => new(name, _calls, _settings);
}
