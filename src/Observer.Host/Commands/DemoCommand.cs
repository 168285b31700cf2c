using System.CommandLine;
using System.Globalization;
using System.Net;
using System.Runtime.InteropServices;
using Observer.Backend.Hosting;
using Observer.DemoAI.Agent;
using Observer.DemoAI.Hosting;
using Observer.DemoAI.Tls;
using Observer.Proxy.Hosting;

namespace Observer.Host.Commands;

/// <summary>
/// <c>axom-observer demo</c>: backend, demo AI provider, the observer itself and the demo agent, all on loopback, in
/// one process. The agent talks to <c>https://api.openai.com</c> &amp;c. through the observer, which resolves those
/// hostnames to the demo provider and trusts its CA; signals land in the backend, whose dashboard URL is printed.
/// Ctrl-C (or SIGTERM) stops everything.
/// </summary>
public static class DemoCommand
{
    /// <param name="runObserver">Runs the observer with these command-line arguments until the token is cancelled.</param>
    public static Command Create(Func<string[], CancellationToken, Task<int>> runObserver)
    {
        var dataDir = new Option<string>("--data-dir") { Description = "Folder for the demo's databases and certificates", DefaultValueFactory = _ => "./axom-demo-data" };
        var backendPort = new Option<int>("--backend-port") { Description = "Backend and dashboard port", DefaultValueFactory = _ => BackendOptions.DefaultPort };
        var demoPort = new Option<int>("--demo-port") { Description = "Demo provider HTTP port", DefaultValueFactory = _ => DemoAiOptions.DefaultHttpPort };
        var demoHttpsPort = new Option<int>("--demo-https-port") { Description = "Demo provider HTTPS port", DefaultValueFactory = _ => DemoAiOptions.DefaultHttpsPort };
        var proxyPort = new Option<int>("--proxy-port") { Description = "Observer proxy port", DefaultValueFactory = _ => 8888 };
        var httpsProxyPort = new Option<int>("--https-proxy-port") { Description = "Observer second proxy port", DefaultValueFactory = _ => 8443 };
        var adminPort = new Option<int>("--admin-port") { Description = "Observer admin port", DefaultValueFactory = _ => 2112 };
        var rounds = new Option<int>("--rounds") { Description = "Agent rounds (0: until Ctrl-C)", DefaultValueFactory = _ => 0 };
        var interval = new Option<double>("--interval") { Description = "Seconds between agent rounds", DefaultValueFactory = _ => 5 };
        var taskIdleGap = new Option<string>("--task-idle-gap") { Description = "Observer task idle gap, short so tasks close quickly", DefaultValueFactory = _ => "5s" };
        var taskPause = new Option<double>("--task-pause") { Description = "Seconds between the agent's tasks; longer than the idle gap keeps them apart", DefaultValueFactory = _ => 6 };
        var command = new Command("demo", "Run backend, demo AI provider, observer and demo agent on loopback; print the dashboard URL; Ctrl-C stops all")
        {
            dataDir, backendPort, demoPort, demoHttpsPort, proxyPort, httpsProxyPort, adminPort, rounds, interval, taskIdleGap, taskPause,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(new DemoSettings(
            Path.GetFullPath(parse.GetValue(dataDir)!), parse.GetValue(backendPort), parse.GetValue(demoPort), parse.GetValue(demoHttpsPort),
            parse.GetValue(proxyPort), parse.GetValue(httpsProxyPort), parse.GetValue(adminPort), parse.GetValue(rounds),
            TimeSpan.FromSeconds(parse.GetValue(interval)), parse.GetValue(taskIdleGap)!, TimeSpan.FromSeconds(parse.GetValue(taskPause))),
            runObserver, cancellationToken));
        return command;
    }

    /// <summary>The observer arguments the demo uses: provider hostnames resolved to the demo provider, its CA trusted.</summary>
    public static string[] ObserverArguments(DemoSettings settings, string backendUrl, string demoCaPath)
    {
        var args = new List<string>
        {
            "run",
            "--proxy-port", Text(settings.ProxyPort), "--https-proxy-port", Text(settings.HttpsProxyPort), "--admin-port", Text(settings.AdminPort),
            "--data-dir", Path.Combine(settings.DataDir, "observer"), "--backend-url", backendUrl, "--upstream-ca", demoCaPath,
            "--task-idle-gap", settings.TaskIdleGap,
        };
        foreach (var host in DemoCertificates.Hostnames.Where(h => h != "localhost"))
        {
            args.Add("--resolve");
            args.Add($"{host}:443=127.0.0.1:{Text(settings.DemoHttpsPort)}");
        }

        return [.. args];
    }

    private static async Task<int> RunAsync(DemoSettings settings, Func<string[], CancellationToken, Task<int>> runObserver, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stop.Cancel();
        });

        // The backend and the demo provider open sockets before the observer starts in this process: decide now,
        // as `run` does (--inline-io defaults on; DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=0 still wins).
        InlineIo.Apply(enabled: true);
        Directory.CreateDirectory(settings.DataDir);
        var demoCa = Path.Combine(settings.DataDir, "demo-ca.pem");
        await using var backend = await BackendApp.StartAsync(
            new BackendOptions { Port = settings.BackendPort, DataDir = Path.Combine(settings.DataDir, "backend") }, stop.Token);
        await using var demo = await DemoAiApp.StartAsync(new DemoAiOptions
        {
            HttpPort = settings.DemoPort, HttpsPort = settings.DemoHttpsPort, CaOut = demoCa,
        }, stop.Token);

        var backendBase = $"http://127.0.0.1:{Text(settings.BackendPort)}";
        var observer = runObserver(ObserverArguments(settings, backendBase + BackendApp.SignalsPath, demoCa), stop.Token);
        var failed = false;
        try
        {
            var observerCa = await WaitForObserverAsync(settings, observer, stop.Token);
            Console.WriteLine($"axom demo: dashboard at {backendBase}/");
            Console.WriteLine($"axom demo: observer proxy http://127.0.0.1:{Text(settings.ProxyPort)}, its CA {observerCa}");
            Console.WriteLine("axom demo: press Ctrl-C to stop");
            await RunAgentAsync(settings, observerCa, stop.Token);
            await Task.WhenAny(observer, Task.Delay(Timeout.Infinite, stop.Token));
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Ctrl-C: fall through to the orderly stop below.
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException or HttpRequestException or ArgumentException)
        {
            Console.Error.WriteLine($"axom demo: {e.Message}");
            failed = true;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
            await stop.CancelAsync();
        }

        var observerExit = await observer;
        await demo.StopAsync(CancellationToken.None);
        await backend.StopAsync(CancellationToken.None);
        Console.WriteLine("axom demo: stopped");
        return failed ? 1 : observerExit;
    }

    private static async Task<string> WaitForObserverAsync(DemoSettings settings, Task<int> observer, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var admin = $"http://127.0.0.1:{Text(settings.AdminPort)}";
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            if (observer.IsCompleted)
            {
                throw new InvalidOperationException($"the observer exited with code {await observer} before it was ready");
            }

            try
            {
                using var ready = await http.GetAsync(admin + "/readyz", cancellationToken);
                if (ready.StatusCode == HttpStatusCode.OK)
                {
                    var path = Path.Combine(settings.DataDir, "observer-ca.pem");
                    await File.WriteAllTextAsync(path, await http.GetStringAsync(admin + "/ca.pem", cancellationToken), cancellationToken);
                    return path;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
        }

        throw new TimeoutException($"the observer's {admin}/readyz did not answer 200 within 2 minutes");
    }

    private static async Task RunAgentAsync(DemoSettings settings, string observerCa, CancellationToken cancellationToken)
    {
        for (var round = 1; settings.Rounds == 0 || round <= settings.Rounds; round++)
        {
            var options = new DemoAgentOptions
            {
                Proxy = new Uri($"http://127.0.0.1:{Text(settings.ProxyPort)}"),
                CaFile = observerCa,
                Loop = 1,
                FirstRound = round,
                TaskPause = settings.TaskPause,
            };
            await DemoAgent.RunAsync(options, Console.Out, cancellationToken);
            await Task.Delay(settings.Interval, cancellationToken);
        }
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
