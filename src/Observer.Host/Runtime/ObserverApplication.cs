using System.Net;
using System.Reflection;
using Akka.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Observer.Contracts.Exchanges;
using Observer.Contracts.Metrics;
using Observer.Actors.Tasks.Rules;
using Observer.Host.Admin;
using Observer.Host.Configuration;
using Observer.Host.Logging;
using Observer.Proxy;
using Observer.Proxy.Hosting;
using Observer.Proxy.Tls;
using Observer.Providers;

namespace Observer.Host.Runtime;

/// <summary>
/// Composes one observer: admin endpoint (this web application's own Kestrel), the actor system with journal and
/// shipper, and the proxy listeners. Everything that can be wrong with the configuration fails here, before any
/// listener starts, with a one-line reason.
/// </summary>
public sealed class ObserverApplication : IAsyncDisposable
{
    public const string ActorSystemName = Observer.Actors.Hosting.ObserverActorsOptions.ActorSystemName;

    private readonly WebApplication _app;
    private readonly CertificateAuthority _ca;

    private ObserverApplication(WebApplication app, CertificateAuthority ca)
    {
        _app = app;
        _ca = ca;
    }

    public static string Version { get; } =
        typeof(ObserverApplication).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    public IServiceProvider Services => _app.Services;

    public static ObserverApplication Build(ObserverSettings settings)
    {
        // Before any socket exists: the runtime reads this choice once, at the first socket.
        InlineIo.Apply(settings.InlineIo);
        var ca = CertificateAuthority.LoadOrCreate(settings.DataDir, settings.CaCert, settings.CaKey);
        try
        {
            var providers = ProvidersConfiguration.Load(settings.ConfigFile, settings.LocalHosts);

            // Read the rules tables now, so a bad config file stops start-up with its reason instead of failing later.
            _ = TaskRulesLoader.Load(settings.ConfigFile);
            return new ObserverApplication(BuildWebApplication(settings, ca, providers), ca);
        }
        catch (Exception ex) when (ex is ProvidersConfigurationException or InvalidDataException or ArgumentException)
        {
            ca.Dispose();
            throw new SettingsException(ex.Message);
        }
        catch
        {
            ca.Dispose();
            throw;
        }
    }

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            HostLog.StartFailed(_app.Services.GetRequiredService<ILogger<ObserverApplication>>(), ex.Message);
            throw new ObserverStartupException(ex.GetBaseException().Message, ex);
        }

        PrintBanner();
        await _app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
        return 0;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync().ConfigureAwait(false);
        _ca.Dispose();
    }

    private static WebApplication BuildWebApplication(ObserverSettings settings, CertificateAuthority ca, ProvidersConfiguration providers)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = ActorSystemName, Args = [] });
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Parse(settings.BindAddress), settings.AdminPort));
        LoggingSetup.Configure(builder.Logging, settings.LogLevel);
        builder.Services.Configure<HostOptions>(options =>
        {
            options.ShutdownTimeout = settings.ShutdownGrace + TimeSpan.FromSeconds(20);
            options.ServicesStartConcurrently = false;
            options.ServicesStopConcurrently = false;
        });

        var metrics = new ObserverMetrics();
        var runtime = new ObserverRuntimeOptions(settings.ShutdownGrace, ca.CertificatePath, settings.BindAddress);
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton(runtime);
        builder.Services.AddSingleton(metrics);
        builder.Services.AddSingleton(ca);
        builder.Services.AddSingleton(providers);

        // Registration order is stop order reversed: the actor system starts first and stops last,
        // so signals produced by the last in-flight exchanges still reach the journal.
        ActorComposition.Add(builder.Services, settings);

        builder.Services.AddSingleton(sp => new ProxyServer(
            ProxyComposition.CreateOptions(settings, providers),
            ca,
            providers.IsProviderHost,
            sp.GetRequiredService<IExchangeSink>(),
            metrics,
            sp.GetRequiredService<ILoggerFactory>()));
        builder.Services.AddSingleton<ProxyService>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ProxyService>());
        ReadinessChecks.Add(builder.Services);

        var app = builder.Build();
        AdminEndpoints.Map(app);
        return app;
    }

    private void PrintBanner()
    {
        var proxy = _app.Services.GetRequiredService<ProxyService>();
        var settings = _app.Services.GetRequiredService<ObserverSettings>();
        var addresses = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        var admin = addresses?.FirstOrDefault() ?? $"http://{settings.BindAddress}:{settings.AdminPort}";
        var bundle = TrustBundle.Write(_ca.CertificatePath, _ca.ExportCertificatePem());
        Console.Out.Write(Banner.Render(Version, proxy.Endpoints, admin, _ca.CertificatePath, bundle, settings.BackendUrl));
        Console.Out.Flush();
        HostLog.AdminListening(_app.Services.GetRequiredService<ILogger<ObserverApplication>>(), admin);
    }
}
