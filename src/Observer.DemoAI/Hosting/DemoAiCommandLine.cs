using System.CommandLine;
using System.Net;
using Observer.DemoAI.Agent;

namespace Observer.DemoAI.Hosting;

/// <summary>The <c>axom-demo-ai</c> command line: serving the fake provider (default) and the <c>agent</c> subcommand.</summary>
public static class DemoAiCommandLine
{
    public static RootCommand Create()
    {
        var root = new RootCommand("axom-demo-ai: a fake AI provider (OpenAI, Anthropic, Gemini, Deepgram, ElevenLabs wire formats) on loopback");
        var httpPort = new Option<int>("--port") { Description = "HTTP port", DefaultValueFactory = _ => DemoAiOptions.DefaultHttpPort };
        var httpsPort = new Option<int>("--https-port") { Description = "HTTPS port (certificates for the real provider hostnames)", DefaultValueFactory = _ => DemoAiOptions.DefaultHttpsPort };
        var noHttps = new Option<bool>("--no-https") { Description = "Serve plain HTTP only" };
        var caOut = new Option<string>("--ca-out") { Description = "Where to write the demo CA (PEM)", DefaultValueFactory = _ => "demo-ca.pem" };
        var latency = new Option<int>("--latency-ms") { Description = "Delay before response headers", DefaultValueFactory = _ => 150 };
        var chunkDelay = new Option<int>("--chunk-delay-ms") { Description = "Delay between streamed chunks", DefaultValueFactory = _ => 30 };
        var listen = new Option<string>("--listen", "--bind") { Description = "Address to listen on", DefaultValueFactory = _ => "127.0.0.1" };
        foreach (var option in new Option[] { httpPort, httpsPort, noHttps, caOut, latency, chunkDelay, listen })
        {
            root.Options.Add(option);
        }

        root.SetAction(async (parse, cancellationToken) =>
        {
            var options = new DemoAiOptions
            {
                HttpPort = parse.GetValue(httpPort),
                HttpsPort = parse.GetValue(noHttps) ? null : parse.GetValue(httpsPort),
                CaOut = parse.GetValue(caOut)!,
                LatencyMs = parse.GetValue(latency),
                ChunkDelayMs = parse.GetValue(chunkDelay),
                ListenAddress = parse.GetValue(listen)!,
            };
            await using var app = await DemoAiApp.StartAsync(options, cancellationToken);
            Console.WriteLine($"axom-demo-ai: serving on {string.Join(", ", app.Urls)}");
            if (options.HttpsPort is not null)
            {
                Console.WriteLine($"axom-demo-ai: demo CA at {Path.GetFullPath(options.CaOut)}");
            }

            await app.WaitForShutdownAsync(cancellationToken);
            return 0;
        });
        root.Subcommands.Add(CreateAgentCommand());
        return root;
    }

    private static Command CreateAgentCommand()
    {
        var command = new Command("agent", "Run scripted multi-call AI tasks against the real provider hostnames, through the observer");
        var proxy = new Option<string?>("--proxy") { Description = "Forward proxy URL (default: HTTPS_PROXY)" };
        var ca = new Option<string?>("--ca") { Description = "PEM CA to trust for server certificates (the observer's CA)" };
        var caUrl = new Option<string?>("--ca-url") { Description = "Fetch that CA from a URL (the observer's admin /ca.pem), waiting up to 2 minutes" };
        var connectTo = new Option<string?>("--connect-to") { Description = "Without a proxy: connect to HOST:PORT for every provider hostname" };
        var loop = new Option<int>("--loop") { Description = "Rounds of all tasks (0: until Ctrl-C)", DefaultValueFactory = _ => 1 };
        var interval = new Option<string>("--interval") { Description = "Pause between rounds (10s, 500ms, or seconds)", DefaultValueFactory = _ => "2s" };
        var pause = new Option<string>("--pause") { Description = "Pause between tasks of a round", DefaultValueFactory = _ => "500ms" };
        var agentId = new Option<string?>("--agent-id") { Description = "Send X-Axom-Agent-Id" };
        var only = new Option<string[]>("--only") { Description = "Run only these tasks: " + string.Join(", ", AgentScenarios.Names), AllowMultipleArgumentsPerToken = true };
        foreach (var option in new Option[] { proxy, ca, caUrl, connectTo, loop, interval, pause, agentId, only })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                var caFile = parse.GetValue(ca);
                if (parse.GetValue(caUrl) is { } url)
                {
                    caFile = await CaDownload.ToTempFileAsync(new Uri(url), TimeSpan.FromMinutes(2), Console.Out, cancellationToken);
                }

                var options = new DemoAgentOptions
                {
                    Proxy = parse.GetValue(proxy) is { } p ? new Uri(p) : null,
                    CaFile = caFile,
                    ConnectTo = parse.GetValue(connectTo) is { } c ? IPEndPoint.Parse(c) : null,
                    Loop = parse.GetValue(loop),
                    Interval = Durations.Parse(parse.GetValue(interval)!, "--interval"),
                    TaskPause = Durations.Parse(parse.GetValue(pause)!, "--pause"),
                    AgentId = parse.GetValue(agentId),
                };
                var selected = parse.GetValue(only) is { Length: > 0 } names ? names : null;
                var report = await DemoAgent.RunAsync(options, Console.Out, cancellationToken, selected);
                return report.AllAsExpected ? 0 : 1;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return 0;
            }
            catch (Exception e) when (e is ArgumentException or FormatException or TimeoutException)
            {
                Console.Error.WriteLine($"axom-demo-ai agent: {e.Message}");
                return 2;
            }
        });
        return command;
    }
}
