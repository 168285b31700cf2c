using Observer.Proxy.Hosting;
using Observer.Proxy.Tests.Infrastructure;

namespace Observer.Proxy.Tests.Hosting;

[Collection(InlineIoTests.Environment)]
public sealed class InlineIoTests : IDisposable
{
    public const string Environment = "process environment";
    private readonly string? _original = System.Environment.GetEnvironmentVariable(InlineIo.SocketCompletionsVariable);

    public void Dispose() => System.Environment.SetEnvironmentVariable(InlineIo.SocketCompletionsVariable, _original);

    [Fact]
    public void ProxyTestRun_UsesInlineCompletionsAsTheObserverDoes() =>
        // Set by inline-io.runsettings before the test host starts, so every proxy test runs in the default mode.
        Assert.Equal("1", _original);

    [Fact]
    public void EnabledAndUnset_SetsTheRuntimeVariable()
    {
        System.Environment.SetEnvironmentVariable(InlineIo.SocketCompletionsVariable, null);

        Assert.True(InlineIo.Apply(enabled: true));
        Assert.Equal("1", System.Environment.GetEnvironmentVariable(InlineIo.SocketCompletionsVariable));
    }

    [Fact]
    public void Disabled_LeavesTheRuntimeDefault()
    {
        System.Environment.SetEnvironmentVariable(InlineIo.SocketCompletionsVariable, null);

        Assert.False(InlineIo.Apply(enabled: false));
        Assert.Null(System.Environment.GetEnvironmentVariable(InlineIo.SocketCompletionsVariable));
    }

    [Theory]
    [InlineData("0", true, false)]
    [InlineData("1", false, true)]
    public void ExplicitEnvironment_Wins(string value, bool enabled, bool expected)
    {
        System.Environment.SetEnvironmentVariable(InlineIo.SocketCompletionsVariable, value);

        Assert.Equal(expected, InlineIo.Apply(enabled));
        Assert.Equal(value, System.Environment.GetEnvironmentVariable(InlineIo.SocketCompletionsVariable));
    }

    [Fact]
    public async Task InlineSchedulingOff_ForwardsAndStreamsAsWell()
    {
        await using var upstream = await TestUpstream.StartAsync();
        await using var proxy = await TestProxy.StartAsync(upstream, o => o.InlineScheduling = false);
        using var client = proxy.CreateClient(System.Net.HttpVersion.Version11);

        var hello = await client.GetStringAsync($"https://{TestProxy.AiHost}/hello");
        var sse = await client.GetStringAsync($"https://{TestProxy.AiHost}/sse?n=3&delayMs=20");

        Assert.Equal($"hello from {TestProxy.AiHost} via HTTP/1.1", hello);
        Assert.Equal(3, sse.Split("data:").Length - 1);
        var record = await proxy.Sink.WaitForExchangeAsync(r => r.Path == "/sse");
        Assert.Equal(3, record.SseEvents.Count);
    }
}
