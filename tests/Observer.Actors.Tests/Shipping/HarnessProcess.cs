using System.Collections.Concurrent;
using System.Diagnostics;
using Observer.Actors.Persistence;

namespace Observer.Actors.Tests.Shipping;

/// <summary>The shipping harness (tests/Observer.Shipping.Harness) as a real child process.</summary>
public sealed class HarnessProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly ConcurrentQueue<string> _errors = new();

    private HarnessProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { _lines.Enqueue(e.Data); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { _errors.Enqueue(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public IEnumerable<string> Lines => _lines;

    public string Errors => string.Join('\n', _errors);

    public static HarnessProcess Start(JournalOptions journal, string backendUrl, int produce, string idsFile)
    {
        var dll = Path.Combine(AppContext.BaseDirectory.Replace("Observer.Actors.Tests", "Observer.Shipping.Harness", StringComparison.Ordinal), "Observer.Shipping.Harness.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException("the harness is built with the test project (ProjectReference); not found", dll);
        }

        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(dll);
        Add(info, "--data-dir", journal.DataDir);
        Add(info, "--journal", journal.Kind);
        if (journal.ConnectionString is not null)
        {
            Add(info, "--journal-connection", journal.ConnectionString);
        }

        Add(info, "--backend", backendUrl);
        Add(info, "--produce", produce.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Add(info, "--ids-file", idsFile);
        Add(info, "--shipper-id", "harness-" + Path.GetFileName(journal.DataDir));
        return new HarnessProcess(Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start"));
    }

    /// <summary>SIGKILL: no shutdown hook, no flush — exactly <c>kill -9</c>.</summary>
    public async Task KillNineAsync()
    {
        using var kill = Process.Start("kill", ["-9", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
        await kill.WaitForExitAsync();
        await _process.WaitForExitAsync();
    }

    public bool Printed(string prefix) => _lines.Any(l => l.StartsWith(prefix, StringComparison.Ordinal));

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process.Dispose();
    }

    private static void Add(ProcessStartInfo info, string name, string value)
    {
        info.ArgumentList.Add(name);
        info.ArgumentList.Add(value);
    }
}
