using System.Net;
using Observer.DemoAI.Providers;
using Observer.DemoAI.Tls;

namespace Observer.DemoAI.Hosting;

/// <summary>Composes the demo provider: HTTP and HTTPS listeners on loopback, the provider endpoints, the diagnostics.</summary>
public static class DemoAiApp
{
    /// <summary>Builds the app; with HTTPS on, creates the demo CA and writes it to <see cref="DemoAiOptions.CaOut"/>.</summary>
    public static WebApplication Build(DemoAiOptions options, Action<ILoggingBuilder>? logging = null)
    {
        options.Validate();
        var certificates = options.HttpsPort is null ? null : DemoCertificates.Create();
        certificates?.WriteAuthorityPem(options.CaOut);

        var builder = WebApplication.CreateSlimBuilder();
        var address = IPAddress.Parse(options.ListenAddress);
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = 64 * 1024 * 1024;
            kestrel.Listen(address, options.HttpPort);
            if (certificates is not null)
            {
                kestrel.Listen(address, options.HttpsPort!.Value, listen => listen.UseHttps(certificates.Server));
            }
        });
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        logging?.Invoke(builder.Logging);
        builder.Services.AddSingleton(options);
        if (certificates is not null)
        {
            builder.Services.AddSingleton(certificates);
        }

        var app = builder.Build();
        app.Use(async (context, next) =>
        {
            await next(context);
            DemoAiLog.Served(app.Logger, context.Request.Method, context.Request.Host.Value ?? "", context.Request.Path, context.Response.StatusCode);
        });
        OpenAiChat.Map(app);
        OpenAiResponses.Map(app);
        OpenAiEmbeddings.Map(app);
        AnthropicMessages.Map(app);
        GeminiGenerateContent.Map(app);
        DeepgramListen.Map(app);
        ElevenLabsSpeech.Map(app);
        DiagnosticEndpoints.Map(app);
        app.Lifetime.ApplicationStarted.Register(() =>
            DemoAiLog.Started(app.Logger, string.Join(", ", app.Urls), certificates is null ? "(https off)" : Path.GetFullPath(options.CaOut)));
        return app;
    }

    public static async Task<WebApplication> StartAsync(DemoAiOptions options, CancellationToken cancellationToken = default)
    {
        var app = Build(options);
        await app.StartAsync(cancellationToken);
        return app;
    }

    /// <summary>The bound port of the listener with this scheme, once started (useful with port 0).</summary>
    public static int BoundPort(WebApplication app, string scheme) =>
        app.Urls.Select(u => new Uri(u)).First(u => u.Scheme == scheme).Port;
}
