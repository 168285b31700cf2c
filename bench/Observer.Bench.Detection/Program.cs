using BenchmarkDotNet.Running;

namespace Observer.Bench.Detection;

/// <summary>Runs the detection benchmarks: <c>dotnet run -c Release --project bench/Observer.Bench.Detection -- --filter '*'</c>.</summary>
public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
