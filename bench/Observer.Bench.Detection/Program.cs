using BenchmarkDotNet.Running;

namespace Observer.Bench.Detection;

/// <summary>
/// Runs the detection benchmarks: <c>dotnet run -c Release --project bench/Observer.Bench.Detection -- --filter '*'</c>,
/// or <c>-- --quick</c> for the best-of-batches cross-check.
/// </summary>
public static class Program
{
    public static void Main(string[] args)
    {
        if (args.Contains("--quick"))
        {
            QuickRun.Run();
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
