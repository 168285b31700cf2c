using Microsoft.Extensions.DependencyInjection;
using Observer.Actors.Hosting;
using Observer.Actors.Persistence;
using Observer.Actors.Shipping;
using Observer.Host.Runtime;

namespace Observer.Host.Admin;

/// <summary>The conditions of <c>/readyz</c>: listeners bound, actor system up, journal writable (and backlog state).</summary>
public static class ReadinessChecks
{
    public static void Add(IServiceCollection services)
    {
        services.AddSingleton<IReadinessCheck>(sp => new Check("proxy", () =>
            sp.GetRequiredService<ProxyService>().IsListening ? null : "proxy listeners are not bound"));
        services.AddSingleton<IReadinessCheck>(sp => new Check("actors", () =>
            sp.GetRequiredService<ActorSystemReadiness>().IsReady ? null : "actor system is not an Up cluster member yet"));
        services.AddSingleton<IReadinessCheck>(sp => new Check(
            "journal",
            () =>
            {
                var journal = sp.GetRequiredService<JournalHealth>();
                return journal.IsWritable ? null : journal.LastError ?? "journal not prepared yet";
            },
            () => sp.GetRequiredService<ShipperStatus>() is { BacklogFull: true } status ? status.Describe() : null));
    }

    private sealed class Check(string name, Func<string?> check, Func<string?>? warning = null) : IReadinessCheck
    {
        public string Name => name;

        string? IReadinessCheck.Check() => check();

        public string? Warning() => warning?.Invoke();
    }
}
