using System.CommandLine;
using Observer.Backend.Hosting;

var port = new Option<int>("--port") { Description = "HTTP port", DefaultValueFactory = _ => BackendOptions.DefaultPort };
var listen = new Option<string>("--listen", "--bind") { Description = "Address to listen on", DefaultValueFactory = _ => "127.0.0.1" };
var urls = new Option<string?>("--urls") { Description = "http://ADDRESS:PORT to listen on (instead of --listen and --port)" };
var dataDir = new Option<string>("--data-dir") { Description = "Folder of the SQLite file", DefaultValueFactory = _ => "axom-backend-data" };
var database = new Option<string?>("--db") { Description = "SQLite file (default {data-dir}/signals.db)" };
var token = new Option<string?>("--token") { Description = "Required bearer token for ingestion (env BACKEND_TOKEN, alias AGENT_SECRET)" };
var signingKey = new Option<string?>("--signing-key") { Description = "HMAC-SHA256 key that X-Axom-Signature must match (env BACKEND_SIGNING_KEY)" };

var root = new RootCommand("axom-backend: receives Axom Observer signals, stores them in SQLite, serves the query API and dashboard");
root.Options.Add(port);
root.Options.Add(listen);
root.Options.Add(urls);
root.Options.Add(dataDir);
root.Options.Add(database);
root.Options.Add(token);
root.Options.Add(signingKey);
root.SetAction(async (parse, cancellationToken) =>
{
    var options = new BackendOptions
    {
        Port = parse.GetValue(port),
        ListenAddress = parse.GetValue(listen)!,
        DataDir = parse.GetValue(dataDir)!,
        DatabasePath = parse.GetValue(database),
        Token = parse.GetValue(token) ?? Env("BACKEND_TOKEN") ?? Env("AGENT_SECRET"),
        SigningKey = parse.GetValue(signingKey) ?? Env("BACKEND_SIGNING_KEY"),
    };
    if (parse.GetValue(urls) is { } url)
    {
        var uri = new Uri(url.Split(';')[0]);
        options.ListenAddress = uri.Host is "+" or "*" ? "0.0.0.0" : uri.Host.Trim('[', ']');
        options.Port = uri.Port;
    }

    await using var app = await BackendApp.StartAsync(options, cancellationToken);
    Console.WriteLine($"axom-backend: dashboard at {app.Urls.First()}/");
    await app.WaitForShutdownAsync(cancellationToken);
    return 0;
});
return await root.Parse(args).InvokeAsync();

static string? Env(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;
