namespace Observer.Backend.Tests.Support;

/// <summary>One backend shared by the cases of a test class (for the many-case contract theories).</summary>
public sealed class BackendFixture : IAsyncLifetime
{
    public RunningBackend Backend { get; private set; } = null!;

    public async Task InitializeAsync() => Backend = await RunningBackend.StartAsync();

    public async Task DisposeAsync() => await Backend.DisposeAsync();
}
