using System.Text.Json;
using Observer.Backend.Dashboard;
using Observer.Backend.Ingest;
using Observer.Backend.Live;
using Observer.Backend.Query;
using Observer.Backend.Storage;

namespace Observer.Backend.Hosting;

/// <summary>Composes the backend: Kestrel on the configured address, the SQLite store, ingestion, queries, live feed, dashboard.</summary>
public static class BackendApp
{
    public const string SignalsPath = "/api/v1/signals";

    /// <summary>Builds the application; the caller runs it (<c>RunAsync</c>/<c>StartAsync</c>) and disposes it.</summary>
    public static WebApplication Build(BackendOptions options, string[]? args = null, Action<ILoggingBuilder>? logging = null)
    {
        options.Validate();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args ?? [] });
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = options.MaxBodyBytes;
        });
        builder.WebHost.UseUrls($"http://{FormatHost(options.ListenAddress)}:{options.Port}");
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        logging?.Invoke(builder.Logging);
        builder.Services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            json.SerializerOptions.DictionaryKeyPolicy = JsonNamingPolicy.SnakeCaseLower;
        });
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<RequestAuthenticator>();
        builder.Services.AddSingleton<LiveFeed>();
        builder.Services.AddSingleton<ISignalStore>(new SqliteSignalStore(options.ResolveDatabasePath()));

        var app = builder.Build();
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (BadQueryException e) when (!context.Response.HasStarted)
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                await context.Response.WriteAsJsonAsync(
                    new IngestError("invalid_query", e.Message, e.Parameter), JsonOptions(context), context.RequestAborted);
            }
        });

        app.MapPost(SignalsPath, IngestEndpoint.HandleAsync);
        app.MapGet("/api/v1/live", LiveEndpoint.HandleAsync);
        QueryEndpoints.Map(app);
        DashboardEndpoints.Map(app);

        app.Lifetime.ApplicationStarted.Register(() =>
            BackendLog.Started(app.Logger, string.Join(", ", app.Urls), options.ResolveDatabasePath()));
        return app;
    }

    /// <summary>Builds, initialises the store and starts listening; returns the running app (its <c>Urls</c> hold the bound port).</summary>
    public static async Task<WebApplication> StartAsync(BackendOptions options, CancellationToken cancellationToken = default)
    {
        var app = Build(options);
        await app.Services.GetRequiredService<ISignalStore>().InitializeAsync(cancellationToken);
        await app.StartAsync(cancellationToken);
        return app;
    }

    private static JsonSerializerOptions JsonOptions(HttpContext context) =>
        context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>()
            .Value.SerializerOptions;

    private static string FormatHost(string address) => address.Contains(':', StringComparison.Ordinal) ? $"[{address}]" : address;
}
