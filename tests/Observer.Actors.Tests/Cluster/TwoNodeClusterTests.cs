using Akka.Actor;
using Akka.Cluster;
using Akka.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Observer.Actors.Detection;
using Observer.Actors.Hosting;
using Observer.Actors.Shipping;
using Observer.Actors.Tasks;
using Observer.Actors.Tests.Support;
using Observer.Actors.Tests.Tasks.Scenarios;
using Observer.Contracts.Exchanges;

namespace Observer.Actors.Tests.Cluster;

/// <summary>Two actor systems on loopback ports form one cluster; an agent's calls meet in one correlator.</summary>
public sealed class TwoNodeClusterTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    // Near the real clock: the correlators close idle tasks by wall-clock ticks, and a past date would look idle at once.
    private static readonly DateTimeOffset At = DateTimeOffset.UtcNow;

    [Fact]
    public async Task OneAgentsCallsThroughBothNodes_LandInOneTaskOnOneNode()
    {
        var ct = TestContext.Current.CancellationToken;
        var first = await Node.StartAsync([], ct);
        await using var firstNode = first;
        var seed = first.Address.ToString();
        var second = await Node.StartAsync([seed], ct);
        await using var secondNode = second;

        await WaitUntil(() => UpMembers(first.System) == 2 && UpMembers(second.System) == 2, ct);

        var thread = new ChatThread("You are a research assistant. Cite sources.");
        var nodes = new[] { first, second, first, second };
        for (var i = 0; i < nodes.Length; i++)
        {
            var reply = ChatReply.Say($"Finding {i}.");
            thread.User($"Question {i} about battery recycling?");
            nodes[i].Sink.ExchangeCompleted(ExchangeFactory.Chat($"conn-node{i % 2}", At.AddSeconds(i * 5), thread, reply, [("X-Axom-Agent-Id", "roaming-agent")]));
            thread.Assistant(reply);
            // One call at a time: the next request extends this one's reply, as a real conversation does.
            await WaitUntil(() => first.Shipped.Calls.Count + second.Shipped.Calls.Count == i + 1, ct);
        }

        var owner = first.Shipped.Calls.Count == 4 ? first : second;
        Assert.Equal(4, owner.Shipped.Calls.Count);
        Assert.Single(owner.Shipped.Calls.Select(c => c.TaskId).Distinct());

        var region = second.Services.GetRequiredService<ActorRegistry>().Get<TaskCorrelationRegionKey>();
        var open = await region.Ask<TaskCorrelationReplies.OpenTasks>(new TaskCorrelationCommands.GetOpenTasks("roaming-agent"), Deadline, ct);
        Assert.Equal(owner.Address.ToString(), open.Node);
        var task = Assert.Single(open.Tasks);
        Assert.Equal(owner.Shipped.Calls[0].TaskId, task.TaskId);
        Assert.Equal(4, task.CallCount);

        await region.Ask<TaskCorrelationReplies.TasksClosed>(new TaskCorrelationCommands.CloseAllTasks("roaming-agent"), Deadline, ct);
        await WaitUntil(() => owner.Shipped.Tasks.Count == 1, ct);
        Assert.Equal(owner.Shipped.Calls.Select(c => c.Id).Order(), owner.Shipped.Tasks[0].CallIds.Order());
        Assert.Empty((owner == first ? second : first).Shipped.All);
    }

    private static int UpMembers(ActorSystem system) =>
        Akka.Cluster.Cluster.Get(system).State.Members.Count(m => m.Status == MemberStatus.Up);

    private static async Task WaitUntil(Func<bool> condition, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + Deadline;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met before the deadline");
            await Task.Delay(50, ct);
        }
    }

    /// <summary>One observer node: a generic host with the actor topology and a collecting shipper.</summary>
    private sealed class Node : IAsyncDisposable
    {
        private readonly IHost _host;

        private Node(IHost host, SignalCollector shipped)
        {
            _host = host;
            Shipped = shipped;
        }

        public SignalCollector Shipped { get; }

        public IServiceProvider Services => _host.Services;

        public ActorSystem System => _host.Services.GetRequiredService<ActorSystem>();

        public Address Address => Akka.Cluster.Cluster.Get(System).SelfAddress;

        public IExchangeSink Sink => _host.Services.GetRequiredService<IExchangeSink>();

        public static async Task<Node> StartAsync(string[] seeds, CancellationToken ct)
        {
            var options = new ObserverActorsOptions { CustomerId = "acme", AgentId = "default-agent" };
            options.ClusterSeeds.AddRange(seeds);
            var shipped = new SignalCollector();
            var host = new HostBuilder()
                .ConfigureServices(services =>
                {
                    services.AddSingleton<ICallDetector>(new ExchangeCallDetector(ScenarioRunner.Detector));
                    services.AddObserverActorServices(options);
                    services.AddAkka(ObserverActorsOptions.ActorSystemName, (builder, sp) => builder
                        .AddObserverActors(options, sp)
                        .WithActors((system, registry) =>
                            registry.Register<SignalShipperKey>(system.ActorOf(Props.Create(() => new CollectingShipperActor(shipped)), "test-shipper"))));
                })
                .Build();
            await host.StartAsync(ct);
            await host.Services.GetRequiredService<ActorSystemReadiness>().WhenReady.WaitAsync(Deadline, ct);
            return new Node(host, shipped);
        }

        public async ValueTask DisposeAsync()
        {
            await _host.StopAsync(CancellationToken.None);
            _host.Dispose();
        }
    }
}
