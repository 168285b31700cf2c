namespace Observer.DemoAI.Agent;

/// <summary>Runs the scripted tasks <see cref="DemoAgentOptions.Loop"/> times and reports every call.</summary>
public static class DemoAgent
{
    public static async Task<DemoAgentReport> RunAsync(
        DemoAgentOptions options, TextWriter output, CancellationToken cancellationToken, IReadOnlyList<string>? scenarios = null)
    {
        options.Validate();
        if (scenarios?.FirstOrDefault(n => !AgentScenarios.Names.Contains(n)) is { } unknown)
        {
            throw new ArgumentException($"unknown task '{unknown}'; known: {string.Join(", ", AgentScenarios.Names)}");
        }

        using var http = AgentHttpClient.Create(options);
        var session = new AgentSession(http, output, options.AgentId);
        var route = options.ResolveProxy() is { } proxy ? $"through proxy {proxy}" : $"directly to {options.ConnectTo}";
        var rounds = options.Loop == 0 ? "endless rounds" : $"{options.Loop} round(s)";
        output.WriteLine($"axom-demo-ai agent: {rounds} {route}, trusting {options.CaFile ?? "the system roots"}");
        for (var round = options.FirstRound; options.Loop == 0 || round < options.FirstRound + options.Loop; round++)
        {
            session.Round = round;
            foreach (var name in scenarios ?? AgentScenarios.Names)
            {
                try
                {
                    await AgentScenarios.RunAsync(name, session, cancellationToken);
                }
                catch (HttpRequestException e)
                {
                    output.WriteLine($"[round {round}] {name,-14} failed: {e.Message}");
                    session.RecordFailure(name, e.Message);
                    return Report(session);
                }

                await Task.Delay(options.TaskPause, cancellationToken);
            }

            if (options.Loop == 0 || round < options.FirstRound + options.Loop - 1)
            {
                await Task.Delay(options.Interval, cancellationToken);
            }
        }

        var report = Report(session);
        output.WriteLine($"axom-demo-ai agent: {report.TotalCalls} calls, {report.UnexpectedCalls} unexpected");
        return report;
    }

    private static DemoAgentReport Report(AgentSession session) => new(session.Calls, session.TotalCalls, session.UnexpectedCalls);
}
