using Akka.Actor;
using Akka.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Observer.Actors.Detection;
using Observer.Actors.Hosting;
using Observer.Actors.Shipping;
using Observer.Actors.Tests.Tasks.Scenarios;
using Observer.Contracts.Exchanges;
using Observer.Contracts.Metrics;

namespace Observer.Actors.Tests.Support;

/// <summary>
/// An Akka.Hosting.TestKit spec with the real actor topology (<c>AddObserverActors</c>: one-node cluster on a loopback
/// port, both shard regions, sessions, the hand-off sink) and a collecting shipper registered under the shipper key.
/// </summary>
public abstract class ObserverActorsSpec(ITestOutputHelper output) : Akka.Hosting.TestKit.TestKit(ObserverActorsOptions.ActorSystemName, output, logLevel: LogLevel.Warning)
{
    private ObserverActorsOptions? _options;

    internal SignalCollector Shipped { get; } = new();

    protected ObserverActorsOptions Options => _options ??= CreateOptions();

    protected IExchangeSink Sink => Host.Services.GetRequiredService<IExchangeSink>();

    protected ObserverMetrics Metrics => Host.Services.GetRequiredService<ObserverMetrics>();

    protected virtual ObserverActorsOptions CreateOptions() => new() { CustomerId = "acme", AgentId = "default-agent" };

    protected virtual ICallDetector CreateDetector() => new ExchangeCallDetector(ScenarioRunner.Detector);

    protected override void ConfigureServices(HostBuilderContext context, IServiceCollection services)
    {
        services.AddSingleton(CreateDetector());
        services.AddObserverActorServices(Options);
    }

    protected override void ConfigureAkka(AkkaConfigurationBuilder builder, IServiceProvider provider) =>
        builder.AddObserverActors(Options, provider).WithActors((system, registry) =>
            registry.Register<SignalShipperKey>(system.ActorOf(Props.Create(() => new CollectingShipperActor(Shipped)), "test-shipper")));

    /// <summary>Retries an assertion until it holds or the (generous) deadline passes.</summary>
    protected Task Eventually(Action assertion, double seconds = 15) =>
        AwaitAssertAsync(assertion, TimeSpan.FromSeconds(seconds), cancellationToken: TestContext.Current.CancellationToken);

    protected Task Eventually(Func<Task> assertion, double seconds = 15) =>
        AwaitAssertAsync(assertion, TimeSpan.FromSeconds(seconds), cancellationToken: TestContext.Current.CancellationToken);

    protected override async Task BeforeTestStart()
    {
        await Host.Services.GetRequiredService<ActorSystemReadiness>().WhenReady.WaitAsync(TimeSpan.FromSeconds(60));
        await base.BeforeTestStart();
    }
}
