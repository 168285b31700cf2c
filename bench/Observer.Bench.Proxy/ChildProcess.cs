using System.Diagnostics;
using System.Globalization;

namespace Observer.Bench.Proxy;

/// <summary>
/// A middle box (the proxy or the TLS relay) in its own process, so its CPU time and RSS are its own. It prints
/// "READY port caPath" when listening and exits when its standard input closes.
/// </summary>
internal sealed class ChildProcess : IDisposable
{
    private ChildProcess(Process process, int port, string caPath)
    {
        Process = process;
        Port = port;
        CaPath = caPath;
    }

    public Process Process { get; }
    public int Port { get; }
    public string CaPath { get; }

    public static ChildProcess Start(string mode, BenchUpstream upstream, string host)
    {
        var info = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };

        // Workstation GC sizes gen0 from the CPU cache; this VM reports a 260 MiB L3, which lets ~100 MB of short-lived
        // garbage pile up before the first collection. The shipped image and manifests set the same budget
        // (deploy/docker/Dockerfile, deploy/kubernetes); BENCH_PROXY_GEN0SIZE=none shows the default.
        var gen0 = Environment.GetEnvironmentVariable("BENCH_PROXY_GEN0SIZE") ?? "0x400000";
        if (gen0 != "none")
        {
            info.Environment["DOTNET_GCgen0size"] = gen0;
        }

        // Runtime knobs for experiments: BENCH_CHILD_DOTNET_X=v reaches the children as DOTNET_X=v.
        foreach (System.Collections.DictionaryEntry variable in Environment.GetEnvironmentVariables())
        {
            if (variable.Key is string name && name.StartsWith("BENCH_CHILD_DOTNET_", StringComparison.Ordinal))
            {
                info.Environment[name["BENCH_CHILD_".Length..]] = variable.Value as string;
            }
        }

        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
        {
            info.ArgumentList.Add(typeof(ChildProcess).Assembly.Location);
        }

        foreach (var a in new[] { mode, upstream.CaPath, host, upstream.Port.ToString(CultureInfo.InvariantCulture) })
        {
            info.ArgumentList.Add(a);
        }

        var process = Process.Start(info)!;
        var ready = process.StandardOutput.ReadLine() ?? throw new InvalidOperationException($"the {mode} child exited before it was ready");
        var parts = ready.Split(' ');
        return new ChildProcess(process, int.Parse(parts[1], CultureInfo.InvariantCulture), parts[2]);
    }

    /// <summary>User + system CPU time of this benchmark process (load generator + upstream) in ms.</summary>
    public static double SelfCpuMs() => CpuMs(Environment.ProcessId);

    /// <summary>User + system CPU time of the child in ms.</summary>
    public double CpuMs() => CpuMs(Process.Id);

    public long StatusKb(string field) => ProcKb("status", field);

    /// <summary>A field of /proc/PID/smaps_rollup (Anonymous, Rss, Shared_Clean...), in KiB.</summary>
    public long SmapsKb(string field) => ProcKb("smaps_rollup", field);

    private long ProcKb(string file, string field)
    {
        foreach (var line in File.ReadLines($"/proc/{Process.Id}/{file}"))
        {
            if (line.StartsWith(field + ":", StringComparison.Ordinal))
            {
                return long.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            }
        }

        return -1;
    }

    public void Dispose()
    {
        Process.StandardInput.Close();
        if (!Process.WaitForExit(10_000))
        {
            Process.Kill();
        }

        Process.Dispose();
    }

    /// <summary>From /proc/PID/stat, in clock ticks of 10 ms.</summary>
    private static double CpuMs(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) * 10.0;
    }
}
