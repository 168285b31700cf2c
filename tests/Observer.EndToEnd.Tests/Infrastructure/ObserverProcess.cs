using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;

namespace Observer.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The real <c>axom-observer</c> program as a child process on loopback ports, with its output captured.
/// Tests use it to check what a user would see: readiness, the admin endpoint, exit codes, signals on shutdown.
/// </summary>
public sealed class ObserverProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly TaskCompletionSource _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ObserverProcess(Process process, int proxyPort, int httpsProxyPort, int adminPort, string dataDir)
    {
        _process = process;
        ProxyPort = proxyPort;
        HttpsProxyPort = httpsProxyPort;
        AdminPort = adminPort;
        DataDir = dataDir;
    }

    public int ProxyPort { get; }
    public int HttpsProxyPort { get; }
    public int AdminPort { get; }
    public string DataDir { get; }
    public int ProcessId => _process.Id;
    public Uri AdminUri => new($"http://127.0.0.1:{AdminPort}");
    public string Output => string.Join('\n', _output);
    public bool HasExited => _process.HasExited;

    /// <summary>Starts the observer with loopback ports of its own and the given extra arguments.</summary>
    public static ObserverProcess Start(string dataDir, IEnumerable<string>? extraArguments = null, IDictionary<string, string>? environment = null)
    {
        var proxyPort = FreePort.Next();
        var httpsProxyPort = FreePort.Next();
        var adminPort = FreePort.Next();
        var arguments = new List<string>
        {
            "run", "--proxy-port", proxyPort.ToString(), "--https-proxy-port", httpsProxyPort.ToString(),
            "--admin-port", adminPort.ToString(), "--data-dir", dataDir,
        };
        arguments.AddRange(extraArguments ?? []);
        var process = StartProgram(arguments, environment);
        var observer = new ObserverProcess(process, proxyPort, httpsProxyPort, adminPort, dataDir);
        observer.Attach();
        return observer;
    }

    /// <summary>Starts the program with exactly these arguments (for long-running commands other than <c>run</c>).</summary>
    public static ObserverProcess StartCommand(IEnumerable<string> arguments, string dataDir)
    {
        var observer = new ObserverProcess(StartProgram(arguments, null), 0, 0, 0, dataDir);
        observer.Attach();
        return observer;
    }

    /// <summary>Waits until a line of output contains the text (or the process exits, or the deadline passes).</summary>
    public async Task WaitForOutputAsync(string text, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            if (_process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"'{text}' did not appear in the output:\n{Output}");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Runs the program to completion (for CLI commands and start-up failures).</summary>
    public static async Task<(int ExitCode, string StdOut, string StdErr)> RunToEndAsync(IEnumerable<string> arguments, IDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        using var process = StartProgram(arguments, environment);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"axom-observer {string.Join(' ', arguments)} did not exit in time");
        }

        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Polls <c>/readyz</c> until it answers 200 (or the process dies, or the deadline passes).</summary>
    public async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        string last = "no answer";
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"axom-observer exited with {_process.ExitCode} before becoming ready:\n{Output}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri(AdminUri, "/readyz"));
                last = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException ex)
            {
                last = ex.Message;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"axom-observer not ready after {timeout} (last /readyz: {last}):\n{Output}");
    }

    public void Signal(int signal) => UnixSignals.Send(_process.Id, signal);

    /// <summary>Waits for the process to exit and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        await _exited.Task.WaitAsync(timeout);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static Process StartProgram(IEnumerable<string> arguments, IDictionary<string, string>? environment)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        info.ArgumentList.Add(RepositoryPaths.ProgramDll("Observer.Host", "axom-observer"));
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        // Start from a clean slate: the developer's own proxy or observer variables must not leak into the test.
        foreach (var name in new[] { "HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy", "PROXY_PORT", "ADMIN_PORT", "DATA_DIR", "BACKEND_URL", "CONFIG_FILE", "LOG_LEVEL" })
        {
            info.Environment.Remove(name);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        return Process.Start(info) ?? throw new InvalidOperationException("could not start axom-observer");
    }

    private void Attach()
    {
        _process.EnableRaisingEvents = true;
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) { _output.Enqueue(e.Data); } };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { _output.Enqueue("[stderr] " + e.Data); } };
        _process.Exited += (_, _) => _exited.TrySetResult();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        if (_process.HasExited)
        {
            _exited.TrySetResult();
        }
    }
}
