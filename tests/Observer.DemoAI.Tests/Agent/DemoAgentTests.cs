using System.Net;
using Observer.DemoAI.Agent;
using Observer.DemoAI.Tests.Support;

namespace Observer.DemoAI.Tests.Agent;

public sealed class DemoAgentTests : IAsyncLifetime
{
    private RunningDemoAi _demo = null!;

    public async Task InitializeAsync() => _demo = await RunningDemoAi.StartAsync();

    public async Task DisposeAsync() => await _demo.DisposeAsync();

    [Fact]
    public async Task DirectRun_CompletesEveryScriptedTaskAsExpected()
    {
        var output = new StringWriter();

        var report = await DemoAgent.RunAsync(Direct(), output, CancellationToken.None);

        Assert.True(report.AllAsExpected, output.ToString());
        Assert.Equal(AgentScenarios.Names.Order(), report.Calls.Select(c => c.Task).Distinct().Order());
        Assert.Equal(10, report.Calls.Count);
        Assert.Equal(429, report.Calls.Single(c => c.Task == "failing_call").Status);
        Assert.Contains("api.deepgram.com/v1/listen", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnlyTheSummarization_SendsAnExplicitTaskId()
    {
        var report = await DemoAgent.RunAsync(Direct(), TextWriter.Null, CancellationToken.None);

        var withTaskId = report.Calls.Where(c => c.TaskIdHeader is not null).ToList();
        Assert.Equal(2, withTaskId.Count);
        Assert.All(withTaskId, c => Assert.Equal("summarization", c.Task));
        Assert.Single(withTaskId.Select(c => c.TaskIdHeader).Distinct());
    }

    [Fact]
    public async Task ThroughConnectProxy_TunnelsToTheRealProviderHostnames()
    {
        await using var proxy = new ConnectTunnelProxy(new IPEndPoint(IPAddress.Loopback, _demo.HttpsPort));
        var options = new DemoAgentOptions { Proxy = proxy.Address, CaFile = _demo.CaPath, TaskPause = TimeSpan.Zero };
        var output = new StringWriter();

        var report = await DemoAgent.RunAsync(options, output, CancellationToken.None);

        Assert.True(report.AllAsExpected, output.ToString());
        Assert.Subset(
            new HashSet<string>(proxy.ConnectTargets),
            new HashSet<string>
            {
                "api.openai.com:443", "api.anthropic.com:443", "generativelanguage.googleapis.com:443", "api.deepgram.com:443", "api.elevenlabs.io:443",
            });
    }

    [Fact]
    public async Task Loop_RunsEveryRoundWithFreshTaskIds()
    {
        var options = Direct();
        options.Loop = 2;
        options.Interval = TimeSpan.Zero;

        var report = await DemoAgent.RunAsync(options, TextWriter.Null, CancellationToken.None, ["summarization"]);

        Assert.Equal([1, 1, 2, 2], report.Calls.Select(c => c.Round));
        Assert.Equal(2, report.Calls.Select(c => c.TaskIdHeader).Distinct().Count());
    }

    [Fact]
    public async Task WrongCa_ReportsTheFailureInsteadOfSucceeding()
    {
        using var other = DemoAI.Tls.DemoCertificates.Create();
        var otherCa = Path.Combine(_demo.Folder, "other.pem");
        other.WriteAuthorityPem(otherCa);
        var options = Direct();
        options.CaFile = otherCa;

        var report = await DemoAgent.RunAsync(options, TextWriter.Null, CancellationToken.None);

        Assert.False(report.AllAsExpected);
        Assert.Equal(0, report.Calls[^1].Status);
    }

    [Fact]
    public async Task LoopZero_RunsRoundsUntilCancelled()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var output = new CancellingWriter("[round 3]", stop);
        var options = Direct();
        options.Loop = 0;
        options.Interval = TimeSpan.Zero;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => DemoAgent.RunAsync(options, output, stop.Token, ["gemini"]));

        Assert.Contains("[round 2] gemini", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ProxyAndConnectTo_AreRefusedTogether()
    {
        var options = new DemoAgentOptions { Proxy = new Uri("http://127.0.0.1:1"), ConnectTo = new IPEndPoint(IPAddress.Loopback, 1) };

        Assert.Throws<ArgumentException>(options.Validate);
    }

    [Fact]
    public async Task UnknownTask_IsRefusedBeforeAnyCall()
    {
        var output = new StringWriter();

        await Assert.ThrowsAsync<ArgumentException>(() => DemoAgent.RunAsync(Direct(), output, CancellationToken.None, ["nope"]));
        Assert.Equal("", output.ToString());
    }

    /// <summary>Cancels the run as soon as a given text is printed.</summary>
    private sealed class CancellingWriter(string trigger, CancellationTokenSource stop) : StringWriter
    {
        public override void WriteLine(string? value)
        {
            base.WriteLine(value);
            if (value?.Contains(trigger, StringComparison.Ordinal) == true)
            {
                stop.Cancel();
            }
        }
    }

    private DemoAgentOptions Direct() => new()
    {
        ConnectTo = new IPEndPoint(IPAddress.Loopback, _demo.HttpsPort),
        CaFile = _demo.CaPath,
        TaskPause = TimeSpan.Zero,
    };
}
