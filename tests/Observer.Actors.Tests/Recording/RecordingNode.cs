using Akka.Actor;
using Akka.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Observer.Actors.Persistence;
using Observer.Actors.Recording;
using Observer.Actors.Shipping;
using Observer.Actors.Tests.Support;
using Observer.Contracts.Exchanges;
using Observer.Contracts.Metrics;

namespace Observer.Actors.Tests.Recording;

/// <summary>A real observer node with session recording on the given journal (either kind), for the recording SQL tests.</summary>
internal sealed class RecordingNode : IAsyncDisposable
{
    private readonly IHost _host;

    private RecordingNode(IHost host, IActorRef supervisor, ObserverMetrics metrics)
    {
        _host = host;
        Supervisor = supervisor;
        Metrics = metrics;
    }

    public IActorRef Supervisor { get; }

    public ObserverMetrics Metrics { get; }

    public static async Task<RecordingNode> StartAsync(JournalOptions journal, string systemName)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddObserverShipping();
        var metrics = new ObserverMetrics();
        builder.Services.AddAkka(systemName, akka => akka.AddObserverJournal(journal).AddSessionRecording(new RecordingOptions(), journal, metrics));
        var host = builder.Build();
        await host.StartAsync(TestContext.Current.CancellationToken);
        var supervisor = await host.Services.GetRequiredService<ActorRegistry>().GetAsync<RecordingSupervisorKey>(TestContext.Current.CancellationToken);
        return new RecordingNode(host, supervisor, metrics);
    }

    /// <summary>Records one session: opened, one chat exchange, closed a second later (sequence numbers 1 to 3).</summary>
    public void RecordClosedSession(string sessionId, string agent, int clientPort)
    {
        var at = DateTimeOffset.UtcNow;
        Supervisor.Tell(new RecordingCommands.Opened(new ConnectionInfo(new ConnectionId(sessionId), "127.0.0.1", clientPort, 8888, at)));
        Supervisor.Tell(new RecordingCommands.Exchange(agent, "acme", ExchangeFactory.Chat(sessionId, at, new ChatThread().User("hi"), ChatReply.Say("hello"))));
        Supervisor.Tell(new RecordingCommands.Closed(sessionId, at.AddSeconds(1)));
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync(CancellationToken.None);
        _host.Dispose();
    }
}
