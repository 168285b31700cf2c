using Observer.Host.Configuration;
using Observer.Proxy;
using Observer.Proxy.Forwarding;
using Observer.Providers;

namespace Observer.Host.Runtime;

/// <summary>Maps observer settings onto the proxy's options.</summary>
public static class ProxyComposition
{
    public static ProxyOptions CreateOptions(ObserverSettings settings, ProvidersConfiguration providers)
    {
        var options = new ProxyOptions
        {
            BindAddress = settings.BindAddress,
            InterceptAll = settings.InterceptAll,
            UpstreamCaPath = settings.UpstreamCa,
            TapLimitBytes = settings.TapLimitBytes,
            IdleTimeout = settings.IdleTimeout,
            InlineScheduling = settings.InlineIo,
        };
        options.Ports.Add(settings.ProxyPort);
        options.Ports.Add(settings.HttpsProxyPort);
        foreach (var text in settings.Resolve)
        {
            // Already validated by the settings loader.
            if (ResolveOverride.TryParse(text, out var value, out _) && value is not null)
            {
                options.Resolve.Add(value);
            }
        }

        options.Intercept.AddRange(settings.Intercept);
        options.Passthrough.AddRange(settings.Passthrough);
        options.ExtraRedactedHeaders.AddRange(providers.CredentialHeaders);
        return options;
    }
}
