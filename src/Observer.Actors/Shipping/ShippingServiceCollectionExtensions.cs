using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Observer.Actors.Persistence;
using Observer.Contracts.Metrics;

namespace Observer.Actors.Shipping;

/// <summary>DI registrations the journal and shipper read at start-up (and <c>/readyz</c> reads later).</summary>
public static class ShippingServiceCollectionExtensions
{
    /// <summary>Adds the <see cref="ShipperStatus"/>, <see cref="JournalHealth"/> and <see cref="ObserverMetrics"/> singletons (if absent).</summary>
    public static IServiceCollection AddObserverShipping(this IServiceCollection services)
    {
        services.TryAddSingleton<ShipperStatus>();
        services.TryAddSingleton<JournalHealth>();
        services.TryAddSingleton<ObserverMetrics>();
        return services;
    }
}
