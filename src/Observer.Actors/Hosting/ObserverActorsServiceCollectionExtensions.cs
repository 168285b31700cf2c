using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Observer.Actors.Detection;
using Observer.Actors.Sessions;
using Observer.Actors.Tasks;
using Observer.Actors.Tasks.Rules;
using Observer.Contracts.Exchanges;
using Observer.Contracts.Metrics;
using Observer.Providers;
using Observer.Providers.Detection;

namespace Observer.Actors.Hosting;

/// <summary>DI registrations of the actor side (the Akka configuration is <see cref="ObserverActorsHostingExtensions"/>).</summary>
public static class ObserverActorsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the options, the proxy's <see cref="IExchangeSink"/> (an <see cref="ActorExchangeSink"/>), the
    /// hand-off budget, <see cref="ActorSystemReadiness"/>, task settings and rules, and — unless already registered —
    /// <see cref="ObserverMetrics"/>, <see cref="TimeProvider"/> and the default <see cref="ICallDetector"/>.
    /// </summary>
    public static IServiceCollection AddObserverActorServices(this IServiceCollection services, ObserverActorsOptions options)
    {
        options.Validate();
        services.AddSingleton(options);
        services.TryAddSingleton<ObserverMetrics>();
        services.TryAddSingleton(TimeProvider.System);
        // The host's own ExchangeDetector / ProvidersConfiguration when it registered one, else from the config file.
        services.TryAddSingleton<ICallDetector>(sp => new ExchangeCallDetector(
            sp.GetService<ExchangeDetector>()
            ?? new ExchangeDetector(sp.GetService<ProvidersConfiguration>() ?? ProvidersConfiguration.Load(options.ConfigFilePath))));
        services.AddSingleton(_ => new HandoffBudget(options.HandoffQueueCapacity));
        services.AddSingleton(sp => new ActorExchangeSink(
            options.HandoffQueueCapacity,
            sp.GetRequiredService<HandoffBudget>(),
            sp.GetRequiredService<ObserverMetrics>(),
            sp.GetService<ILogger<ActorExchangeSink>>(),
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IExchangeSink>(sp => sp.GetRequiredService<ActorExchangeSink>());
        services.AddSingleton<ActorSystemReadiness>();
        services.AddSingleton(_ => new TaskCorrelationSettings
        {
            IdleGap = options.TaskIdleGap,
            MaxDuration = options.TaskMaxDuration,
            Rules = TaskRulesLoader.Load(options.ConfigFilePath),
        });
        return services;
    }
}
