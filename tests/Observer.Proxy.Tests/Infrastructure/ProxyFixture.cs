namespace Observer.Proxy.Tests.Infrastructure;

/// <summary>One upstream and one proxy shared by the tests of a class.</summary>
public sealed class ProxyFixture : IAsyncLifetime
{
    public TestUpstream Upstream { get; private set; } = null!;
    public TestProxy Proxy { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Upstream = await TestUpstream.StartAsync();
        Proxy = await TestProxy.StartAsync(Upstream);
    }

    public async Task DisposeAsync()
    {
        await Proxy.DisposeAsync();
        await Upstream.DisposeAsync();
    }
}
